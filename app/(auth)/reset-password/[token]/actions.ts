"use server";

import { redirect } from "next/navigation";
import { fieldErrorsOf } from "@/lib/action-error";
import { setPasswordWithToken } from "@/lib/auth/set-password";
import { setPasswordSchema } from "@/lib/validation/sign-in";
import { refuseCommonPassword } from "@/lib/validation/server-password";

export type SetPasswordResult = { ok: false; fieldErrors: Record<string, string> };

const serverSetPasswordSchema = refuseCommonPassword(setPasswordSchema, "password");

// Public endpoint: the one-time token is the credential.
export async function setPassword(input: unknown): Promise<SetPasswordResult> {
  const parsed = serverSetPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { token, password } = parsed.data;
  // Used, expired or replaced meanwhile: the link's page says which, and what to do next.
  if (!(await setPasswordWithToken(token, password))) redirect(`/reset-password/${encodeURIComponent(token)}`);
  redirect("/sign-in?notice=password-set");
}
