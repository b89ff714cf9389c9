"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { closeAccount, reopenAccount } from "../actions";

export function CloseAccountForm({ accountSlug, accountName }: { accountSlug: string; accountName: string }) {
  const router = useRouter();
  const [confirmation, setConfirmation] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        setError(undefined);
        startTransition(async () => {
          const result = await closeAccount(accountSlug, { confirmation });
          if (result.ok) router.push("/");
          else setError(result.fieldErrors?.confirmation ?? result.error);
        });
      }}
    >
      <TextField
        id="confirmation"
        label={`Type ${accountName} to confirm`}
        autoComplete="off"
        value={confirmation}
        error={error}
        onChange={(event) => setConfirmation(event.target.value)}
      />
      <Button type="submit" variant="danger" disabled={pending || confirmation.trim() !== accountName}>
        {pending ? "Closing…" : `Close ${accountName}`}
      </Button>
    </form>
  );
}

export function ReopenAccountButton({ accountSlug, accountName }: { accountSlug: string; accountName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await reopenAccount(accountSlug, {});
            if (result.ok) router.refresh();
            else setError(result.error);
          })
        }
      >
        {pending ? "Reopening…" : `Reopen ${accountName}`}
      </Button>
    </div>
  );
}
