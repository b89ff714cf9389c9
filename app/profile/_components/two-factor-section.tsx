"use client";

import { useState, useTransition } from "react";
import { AuthenticatorSetup } from "@/app/_components/two-factor/authenticator-setup";
import { RecoveryCodesList } from "@/app/_components/two-factor/recovery-codes-list";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import type { ActionResult } from "@/lib/action";
import type { PendingEnrolment } from "@/lib/auth/two-factor";
import { beginTwoFactorSetup, confirmTwoFactorSetup, renewRecoveryCodes, turnOffOwnTwoFactor } from "../actions";

type Props = { enabled: boolean; required: boolean; unusedCodes: number };
type Step = { kind: "idle" } | { kind: "password"; then: "setup" | "renew" | "off" } | { kind: "scan"; setup: PendingEnrolment } | { kind: "codes"; codes: string[] };

const CONFIRM_LABELS = { setup: "Continue", renew: "Make new codes", off: "Turn off" } as const;

export function TwoFactorSection({ enabled, required, unusedCodes }: Props) {
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<{ form?: string; currentPassword?: string; code?: string }>({});
  const [busy, startTransition] = useTransition();

  const run = <T,>(action: () => Promise<ActionResult<T>>, done: (data: T) => void) =>
    startTransition(async () => {
      setErrors({});
      const result = await action();
      if (result.ok) done(result.data);
      else setErrors({ form: result.fieldErrors ? undefined : result.error, ...result.fieldErrors });
    });
  const reset = () => {
    setStep({ kind: "idle" });
    setPassword("");
    setCode("");
    setErrors({});
  };

  if (step.kind === "codes") {
    return (
      <div className="space-y-4">
        <Alert tone="success">Two-factor sign-in is on. Keep these codes for the day you lose your phone.</Alert>
        <RecoveryCodesList codes={step.codes} />
        <Button type="button" onClick={reset}>
          Done
        </Button>
      </div>
    );
  }

  const formError = errors.form ? <Alert tone="error">{errors.form}</Alert> : null;
  const passwordField = (
    <TextField id="two-factor-password" label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword} value={password} onChange={(event) => setPassword(event.target.value)} />
  );

  if (step.kind === "scan") {
    return (
      <form
        className="space-y-4"
        noValidate
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          run(() => confirmTwoFactorSetup({ currentPassword: password, pending: step.setup.pending, code }), (data) => setStep({ kind: "codes", codes: data.recoveryCodes }));
        }}
      >
        {formError}
        <AuthenticatorSetup qrCode={step.setup.qrCode} manualKey={step.setup.manualKey} />
        <TextField id="two-factor-code" label="Code from the app" autoComplete="one-time-code" inputMode="numeric" error={errors.code} value={code} onChange={(event) => setCode(event.target.value)} maxLength={32} />
        <div className="flex gap-2">
          <Button type="submit" disabled={busy}>
            {busy ? "Checking…" : "Turn on"}
          </Button>
          <Button type="button" variant="ghost" onClick={reset}>
            Cancel
          </Button>
        </div>
      </form>
    );
  }

  if (step.kind === "password") {
    const submit = () => {
      if (step.then === "setup") run(() => beginTwoFactorSetup({ currentPassword: password }), (setup) => setStep({ kind: "scan", setup }));
      else if (step.then === "renew") run(() => renewRecoveryCodes({ currentPassword: password }), (data) => setStep({ kind: "codes", codes: data.recoveryCodes }));
      else run(() => turnOffOwnTwoFactor({ currentPassword: password }), reset);
    };
    return (
      <form
        className="space-y-4"
        noValidate
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {formError}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Enter your password again to change two-factor sign-in.</p>
        {passwordField}
        <div className="flex gap-2">
          <Button type="submit" variant={step.then === "off" ? "danger" : "primary"} disabled={busy}>
            {busy ? "Checking…" : CONFIRM_LABELS[step.then]}
          </Button>
          <Button type="button" variant="ghost" onClick={reset}>
            Cancel
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="space-y-4">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        Two-factor sign-in: {enabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}
        {required ? <Badge tone="accent">Required by an account of yours</Badge> : null}
      </p>
      {enabled ? (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            You sign in with your password and a code from your authenticator app. {unusedCodes === 1 ? "1 recovery code is" : `${unusedCodes} recovery codes are`} left.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="secondary" onClick={() => setStep({ kind: "password", then: "renew" })}>
              New recovery codes
            </Button>
            {required ? null : (
              <Button type="button" variant="secondary" onClick={() => setStep({ kind: "password", then: "off" })}>
                Turn off
              </Button>
            )}
          </div>
        </>
      ) : (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Add a code from an authenticator app to your password, so a stolen password alone cannot sign you in.</p>
          <Button type="button" onClick={() => setStep({ kind: "password", then: "setup" })}>
            Set up two-factor sign-in
          </Button>
        </>
      )}
    </div>
  );
}
