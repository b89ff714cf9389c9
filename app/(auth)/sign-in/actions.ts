"use server";

import { headers } from "next/headers";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { continueSignIn } from "@/lib/auth/continue-sign-in";
import { passwordThrottles, secondsToWait, tryAgainMessage } from "@/lib/auth/rate-limit";
import { verifyCredentialsWithLimits } from "@/lib/auth/sign-in-limits";
import { requestOriginOf } from "@/lib/http/client-ip";
import { signInSchema } from "@/lib/validation/sign-in";

export type SignInResult = { ok: false; error: string };

const INCORRECT = "Email or password is incorrect.";
const UNAVAILABLE = "Sign-in is unavailable right now. Try again in a few minutes.";

// Public endpoint: signing in is what makes a caller known.
export async function signInWithPassword(input: unknown): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    // Field messages are shown by the form before it submits; a request that
    // gets here malformed gets the same answer as any other failed sign-in.
    return { ok: false, error: INCORRECT };
  }
  const { email, password, callbackUrl } = parsed.data;
  const origin = requestOriginOf(await headers());
  const identity = await verifyCredentialsWithLimits({ email, password }, origin);
  if (identity === "throttled") return { ok: false, error: tryAgainMessage(await secondsToWait(passwordThrottles(email, origin.ip))) };
  if (!identity) return { ok: false, error: INCORRECT };
  await continueSignIn(identity, safeCallbackPath(callbackUrl));
  return { ok: false, error: UNAVAILABLE };
}
