import { AuthError } from "next-auth";
import { signIn } from "./config";
import type { SignedInIdentity } from "./credentials";
import { issueSignInProof } from "./sign-in-proof";

/**
 * Starts the session once every step of signing in has passed, and goes on to
 * `redirectTo` (the redirect travels as an exception, as next-auth throws it).
 * Answers "unavailable" when next-auth could not (the database blinked).
 */
export async function completeSignIn(identity: SignedInIdentity, redirectTo: string): Promise<"unavailable"> {
  try {
    await signIn("credentials", { proof: await issueSignInProof(identity), redirectTo });
  } catch (error) {
    // Anything else than the success redirect is our fault, not the person's; the logger has the cause.
    if (error instanceof AuthError) return "unavailable";
    throw error;
  }
  return "unavailable";
}
