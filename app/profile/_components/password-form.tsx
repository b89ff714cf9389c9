"use client";

import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { changePasswordSchema } from "@/lib/validation/profile";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/user";
import { changePassword } from "../actions";
import { useActionForm } from "@/app/_components/forms/use-action-form";

export function PasswordForm() {
  const { form, onSubmit, pending, message } = useActionForm({
    schema: changePasswordSchema,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    action: changePassword,
    successMessage: "Password changed. You stay signed in here; every other browser and device is signed out.",
    resetAfterSuccess: true,
  });
  const { errors } = form.formState;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <TextField
        id="currentPassword"
        label="Current password"
        error={errors.currentPassword?.message}
        type="password"
        autoComplete="current-password"
        {...form.register("currentPassword")}
      />
      <TextField
        id="newPassword"
        label="New password"
        error={errors.newPassword?.message}
        help={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`}
        type="password"
        autoComplete="new-password"
        {...form.register("newPassword")}
      />
      <TextField
        id="confirmPassword"
        label="Repeat the new password"
        error={errors.confirmPassword?.message}
        type="password"
        autoComplete="new-password"
        {...form.register("confirmPassword")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
