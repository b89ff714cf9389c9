"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { signInSchema, type SignInInput } from "@/lib/validation/sign-in";
import { signInWithPassword } from "./actions";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const [formError, setFormError] = useState(initialError);
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "", callbackUrl } });

  const onSubmit = handleSubmit((values) => {
    setFormError(undefined);
    startTransition(async () => {
      const result = await signInWithPassword(values);
      if (!result.ok) setFormError(result.error);
    });
  });

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
      <TextField
        id="password"
        label="Password"
        error={errors.password?.message}
        type="password"
        autoComplete="current-password"
        {...register("password")}
      />
      <p className="text-right text-sm">
        <Link href="/forgot-password" className="text-accent-600 underline underline-offset-4 dark:text-accent-500">
          Forgot password?
        </Link>
      </p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
