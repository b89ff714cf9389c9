import { db } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { recordAudit, type AuditOrigin } from "@/lib/audit/record";
import { emailSchema } from "@/lib/validation/user";
import { verifyCredentials, type SignedInIdentity } from "./credentials";
import { forgetFailures, LIMITS, passwordThrottles, recordFailure, secondsToWait } from "./rate-limit";

/**
 * A password sign-in behind the limits: refused unheard while the email or
 * the address is blocked (no password is checked, so the answer says nothing
 * about it), a failure counted against both, a success clearing the email's
 * count. The same for a known and an unknown email.
 */
export async function verifyCredentialsWithLimits(
  raw: unknown,
  origin: AuditOrigin & { ip: string },
  now = new Date(),
): Promise<SignedInIdentity | "throttled" | null> {
  const typedEmail = (raw as { email?: unknown } | null)?.email;
  const throttles = passwordThrottles(typedEmail, origin.ip);
  // Refused unheard, and not logged one by one: a blocked run knocking every second would flood the log.
  if ((await secondsToWait(throttles, now)) > 0) return "throttled";
  const identity = await verifyCredentials(raw);
  if (identity) {
    // The sign-in itself is recorded once every step has passed (sign-in-proof.ts).
    await forgetFailures(throttles.filter((throttle) => throttle.rule === LIMITS.signInPerEmail));
  } else {
    await recordFailure(throttles, now);
    await auditFailure(typedEmail, origin);
  }
  return identity;
}

/**
 * A failed sign-in is recorded against the person whose email was typed, when
 * there is one. What was typed is never stored: someone who types their
 * password into the email field must not find it in the log.
 */
async function auditFailure(typedEmail: unknown, origin: AuditOrigin): Promise<void> {
  const email = emailSchema.safeParse(typedEmail);
  const person = email.success ? await findUserByEmail(email.data) : undefined;
  if (!person) return;
  await recordAudit(db(), {
    action: "auth.sign_in_failed",
    accountId: null,
    actor: null,
    target: { type: "person", id: person.id, label: person.email },
    origin,
  });
}
