"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { submitSecondFactor } from "./actions";

export function SecondFactorForm() {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    startTransition(async () => {
      const result = await submitSecondFactor({ code });
      if (!result.ok) setError(result.error);
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField
        id="code"
        label="Authentication code"
        help="The 6-digit code from your authenticator app, or one of your recovery codes."
        autoComplete="one-time-code"
        autoFocus
        value={code}
        onChange={(event) => setCode(event.target.value)}
        maxLength={32}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Checking…" : "Continue"}
      </Button>
    </form>
  );
}
