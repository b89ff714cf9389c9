"use client";

import { useState, useTransition } from "react";
import { AuthenticatorSetup } from "@/app/_components/two-factor/authenticator-setup";
import { RecoveryCodesList } from "@/app/_components/two-factor/recovery-codes-list";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import type { PendingEnrolment } from "@/lib/auth/two-factor";
import { confirmSignInEnrolment, finishEnrolledSignIn } from "./actions";

/**
 * Setting up a required second factor during sign-in. Once confirmed the page
 * re-renders with the challenge's last stage and no setup (`setup` null): the
 * same component in the same place keeps the recovery codes on screen; after
 * a reload only the way on is left.
 */
export function SignInEnrolment({ setup }: { setup: PendingEnrolment | null }) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();
  const [codes, setCodes] = useState<string[]>();
  const [busy, startTransition] = useTransition();
  const run = (action: () => Promise<{ ok: false; error: string } | { ok: true; recoveryCodes: string[] }>) =>
    startTransition(async () => {
      setError(undefined);
      const result = await action();
      if (result.ok) setCodes(result.recoveryCodes);
      else setError(result.error);
    });

  if (codes || !setup) {
    return (
      <div className="space-y-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {codes ? <RecoveryCodesList codes={codes} /> : null}
        <Button type="button" className="w-full" disabled={busy} onClick={() => run(finishEnrolledSignIn)}>
          {codes ? "I saved them — continue" : "Continue"}
        </Button>
      </div>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        run(() => confirmSignInEnrolment({ pending: setup.pending, code }));
      }}
      noValidate
      className="space-y-4"
      aria-busy={busy}
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      <AuthenticatorSetup qrCode={setup.qrCode} manualKey={setup.manualKey} />
      <TextField id="code" label="Code from the app" autoComplete="one-time-code" inputMode="numeric" value={code} onChange={(event) => setCode(event.target.value)} maxLength={32} />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Checking…" : "Turn on and continue"}
      </Button>
    </form>
  );
}
