"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { setPasswordSchema, type SetPasswordInput } from "@/lib/validation/sign-in";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/user";
import { setPassword } from "./actions";

export function SetPasswordForm({ token }: { token: string }) {
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SetPasswordInput>({
    resolver: zodResolver(setPasswordSchema),
    defaultValues: { token, password: "", confirmPassword: "" },
  });

  const onSubmit = handleSubmit((values) => {
    setFormError(undefined);
    startTransition(async () => {
      const result = await setPassword(values);
      if (result.error) setFormError(result.error);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        setError(field as keyof SetPasswordInput, { message });
      }
    });
  });

  const help = `At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        id="password"
        label="New password"
        error={errors.password?.message}
        help={help}
        type="password"
        autoComplete="new-password"
        autoFocus
        {...register("password")}
      />
      <TextField
        id="confirmPassword"
        label="Repeat the password"
        error={errors.confirmPassword?.message}
        type="password"
        autoComplete="new-password"
        {...register("confirmPassword")}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
