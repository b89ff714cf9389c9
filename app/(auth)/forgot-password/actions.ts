"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { fieldErrorsOf } from "@/lib/action-error";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { LIMITS, takeAttempt, tryAgainMessage } from "@/lib/auth/rate-limit";
import { clientIp } from "@/lib/http/client-ip";
import { forgotPasswordSchema } from "@/lib/validation/user";

export type ForgotPasswordResult = { ok: true; message: string } | { ok: false; fieldErrors: Record<string, string>; error?: string };

const RESET_LINK_SENT = "If an account exists for that address, we sent a link. It works for 1 hour.";

// Public endpoint: the caller is someone who cannot sign in.
export async function requestPasswordResetLink(input: unknown): Promise<ForgotPasswordResult> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  // Every request counts (each sends an email), for any address, known or not.
  const throttles = [
    { rule: LIMITS.resetPerEmail, subject: parsed.data.email },
    { rule: LIMITS.resetPerIp, subject: clientIp(await headers()) },
  ];
  const attempt = await takeAttempt(throttles);
  if (!attempt.allowed) return { ok: false, fieldErrors: {}, error: tryAgainMessage(attempt.waitSeconds) };
  // The answer must not tell whether the address has an account, so the
  // lookup and the email happen after it is sent: neither its words nor its
  // timing depend on them.
  after(() =>
    requestPasswordReset(parsed.data.email).catch((error: unknown) => {
      // The error's name and message only: a failed query's message can carry its parameters, here a fresh token's email body.
      console.error("[forgot-password] could not issue a reset link:", error instanceof Error ? error.name : "unknown error");
    }),
  );
  return { ok: true, message: RESET_LINK_SENT };
}
