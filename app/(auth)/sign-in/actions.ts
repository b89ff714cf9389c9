"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { signIn } from "@/lib/auth/config";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { passwordThrottles, secondsToWait, tryAgainMessage } from "@/lib/auth/rate-limit";
import { SignInThrottled } from "@/lib/auth/sign-in-limits";
import { clientIp } from "@/lib/http/client-ip";
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
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof SignInThrottled) {
      return { ok: false, error: tryAgainMessage(await secondsToWait(passwordThrottles(email, clientIp(await headers())))) };
    }
    if (error instanceof CredentialsSignin) return { ok: false, error: INCORRECT };
    // Anything else (the database is down, a misconfiguration) is our fault,
    // not a wrong password; the logger has the cause.
    if (error instanceof AuthError) return { ok: false, error: UNAVAILABLE };
    throw error; // the success redirect travels as an exception
  }
  return { ok: false, error: INCORRECT };
}
