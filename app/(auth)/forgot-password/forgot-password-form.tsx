"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/validation/user";
import { requestPasswordResetLink } from "./actions";

export function ForgotPasswordForm() {
  const [sent, setSent] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });

  const onSubmit = handleSubmit((values) => {
    startTransition(async () => {
      const result = await requestPasswordResetLink(values);
      if (result.ok) return setSent(result.message);
      setFormError(result.error);
      for (const [field, message] of Object.entries(result.fieldErrors)) setError(field as keyof ForgotPasswordInput, { message });
    });
  });

  const backToSignIn = (
    <Link href="/sign-in" className="block text-center text-sm text-accent-600 underline underline-offset-4 dark:text-accent-500">
      Back to sign in
    </Link>
  );

  if (sent) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{sent}</Alert>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No email after a few minutes? Check your spam folder and that you typed the address you sign in with.
        </p>
        {backToSignIn}
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        id="email"
        label="Email"
        error={errors.email?.message}
        type="email"
        autoComplete="username"
        autoFocus
        {...register("email")}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </Button>
      {backToSignIn}
    </form>
  );
}
