"use server";

import { redirect } from "next/navigation";
import { fieldErrorsOf } from "@/lib/action-error";
import { setPasswordWithToken } from "@/lib/auth/set-password";
import { setPasswordSchema } from "@/lib/validation/sign-in";

export type SetPasswordResult = { ok: false; error?: string; fieldErrors?: Record<string, string> };

// Public endpoint: the one-time token is the credential.
export async function setPassword(input: unknown): Promise<SetPasswordResult> {
  const parsed = setPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const done = await setPasswordWithToken(parsed.data.token, parsed.data.password);
  if (!done) return { ok: false, error: "This link has expired or was already used. Ask an admin for a new one." };
  redirect("/sign-in?notice=password-set");
}
