import { db } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { recordAudit, type AuditOrigin } from "@/lib/audit/record";
import { emailSchema } from "@/lib/validation/user";
import { verifyCredentials, type SignedInIdentity } from "./credentials";
import { attemptSucceeded, ownThrottles, passwordThrottles, sharedThrottles, takeAttempt } from "./rate-limit";

/**
 * A password sign-in behind the limits (rate-limit.ts): refused unheard while
 * a throttle is blocked (no password is checked, so the answer says nothing
 * about it), every attempt counted, a success clearing the person's counts
 * and handing the address its attempt back. The same for a known and an
 * unknown email.
 */
export async function verifyCredentialsWithLimits(
  raw: unknown,
  origin: AuditOrigin & { ip: string },
  now = new Date(),
): Promise<SignedInIdentity | "throttled" | null> {
  const typedEmail = (raw as { email?: unknown } | null)?.email;
  const throttles = passwordThrottles(typedEmail, origin.ip);
  // Counted before the password is checked; refused unheard while blocked, and not logged one
  // by one (a blocked run knocking every second would flood the log).
  if (!(await takeAttempt(throttles, now)).allowed) return "throttled";
  const identity = await verifyCredentials(raw);
  // The sign-in itself is recorded once every step has passed (sign-in-proof.ts).
  if (identity) await attemptSucceeded(ownThrottles(throttles), sharedThrottles(throttles));
  else await auditFailure(typedEmail, origin);
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
