import { CredentialsSignin } from "next-auth";
import { verifyCredentials, type SignedInIdentity } from "./credentials";
import { forgetFailures, LIMITS, passwordThrottles, recordFailure, secondsToWait } from "./rate-limit";

/** Thrown from the credentials provider while the email or address must wait; the sign-in action says for how long. */
export class SignInThrottled extends CredentialsSignin {
  override code = "throttled";
}

/**
 * A password sign-in behind the limits: refused unheard while the email or
 * the address is blocked (no password is checked, so the answer says nothing
 * about it), a failure counted against both, a success clearing the email's
 * count. The same for a known and an unknown email.
 */
export async function verifyCredentialsWithLimits(raw: unknown, ip: string, now = new Date()): Promise<SignedInIdentity | "throttled" | null> {
  const throttles = passwordThrottles((raw as { email?: unknown } | null)?.email, ip);
  if ((await secondsToWait(throttles, now)) > 0) return "throttled";
  const identity = await verifyCredentials(raw);
  if (identity) await forgetFailures(throttles.filter((throttle) => throttle.rule === LIMITS.signInPerEmail));
  else await recordFailure(throttles, now);
  return identity;
}
