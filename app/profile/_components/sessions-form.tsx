"use client";

import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { useActionForm } from "@/app/_components/forms/use-action-form";
import { signOutElsewhereSchema } from "@/lib/validation/profile";
import { signOutEverywhereElse } from "../actions";

export function SessionsForm() {
  const { onSubmit, pending, message } = useActionForm({
    schema: signOutElsewhereSchema,
    defaultValues: {},
    action: signOutEverywhereElse,
    successMessage: "Every other session is signed out. This browser stays signed in.",
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Signing out…" : "Sign out everywhere else"}
      </Button>
    </form>
  );
}
