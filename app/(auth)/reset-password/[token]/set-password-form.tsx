"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { setPasswordSchema, type SetPasswordInput } from "@/lib/validation/sign-in";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/user";
import { setPassword } from "./actions";

export function SetPasswordForm({ token, submitLabel }: { token: string; submitLabel: string }) {
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
    startTransition(async () => {
      // Success, or a link that stopped working meanwhile, navigates away.
      const result = await setPassword(values);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        setError(field as keyof SetPasswordInput, { message });
      }
    });
  });

  const help = `At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
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
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
