"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { setAccountTwoFactor } from "../actions";

/** Require a second factor of everyone in the account, or leave it to each member. */
export function TwoFactorRequirementForm({ accountSlug, required }: { accountSlug: string; required: boolean }) {
  const [checked, setChecked] = useState(required);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string }>();
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await setAccountTwoFactor(accountSlug, { required: checked });
          setMessage(result.ok ? { tone: "success", text: "Saved." } : { tone: "error", text: result.error });
        });
      }}
    >
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5" checked={checked} onChange={(event) => setChecked(event.target.checked)} />
        <span>
          <span className="block font-medium">Require two-factor sign-in for everyone</span>
          <span className="text-zinc-600 dark:text-zinc-400">Members without it set it up at their next sign-in, before anything else; invitees as they accept.</span>
        </span>
      </label>
      <Button type="submit" variant="secondary" disabled={pending || checked === required}>
        {pending ? "Saving…" : "Save two-factor setting"}
      </Button>
    </form>
  );
}
