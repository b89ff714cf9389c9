"use client";

import { useState, useTransition } from "react";
import { AuthenticatorSetup } from "@/app/_components/two-factor/authenticator-setup";
import { RecoveryCodesList } from "@/app/_components/two-factor/recovery-codes-list";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { confirmSignInEnrolment, finishEnrolledSignIn } from "./actions";

/** After a reload once the codes were shown: only the way on is left. */
export function ContinueSignIn() {
  const [error, setError] = useState<string>();
  const [busy, startTransition] = useTransition();
  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button
        type="button"
        className="w-full"
        disabled={busy}
        onClick={() =>
          startTransition(async () => {
            const result = await finishEnrolledSignIn();
            if (!result.ok) setError(result.error);
          })
        }
      >
        Continue
      </Button>
    </div>
  );
}

export function SignInEnrolment({ pending: pendingSetup, qrCode, manualKey }: { pending: string; qrCode: string; manualKey: string }) {
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

  if (codes) {
    return (
      <div className="space-y-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Alert tone="success">Two-factor sign-in is on.</Alert>
        <RecoveryCodesList codes={codes} />
        <Button type="button" className="w-full" disabled={busy} onClick={() => run(finishEnrolledSignIn)}>
          I saved them — continue
        </Button>
      </div>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        run(() => confirmSignInEnrolment({ pending: pendingSetup, code }));
      }}
      noValidate
      className="space-y-4"
      aria-busy={busy}
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      <AuthenticatorSetup qrCode={qrCode} manualKey={manualKey} />
      <TextField id="code" label="Code from the app" autoComplete="one-time-code" inputMode="numeric" value={code} onChange={(event) => setCode(event.target.value)} maxLength={32} />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Checking…" : "Turn on and continue"}
      </Button>
    </form>
  );
}
