import { db, type Executor } from "@/db/client";
import { issuePasswordToken } from "@/db/queries/password-tokens";
import { findSignInCandidate } from "@/db/queries/users";
import { deliverSoon, queueEmail } from "@/lib/email/send";
import { appUrl } from "@/lib/env";

// A reset link can take over an account, so it works briefly.
export const RESET_TOKEN_TTL_HOURS = 1;

/**
 * Issues a reset link for the person and queues the email carrying it, in the
 * caller's transaction; earlier unused reset links stop working. Returns the
 * email's id: hand it to deliverSoon() once the transaction has committed.
 */
export async function issuePasswordReset(executor: Executor, user: { id: string; email: string; name: string }): Promise<string> {
  const { token, expiresAt } = await issuePasswordToken(user.id, "reset_password", executor, RESET_TOKEN_TTL_HOURS);
  return queueEmail(executor, {
    template: "password-reset",
    to: user.email,
    props: { name: user.name, resetUrl: `${appUrl()}/reset-password/${token}`, expiresAt },
  });
}

/**
 * The work behind "Forgot password?": emails a reset link to the person with
 * this (normalized) address if they could sign in with a password — they have
 * set one and hold an active membership. Anyone else gets nothing, and the
 * caller says the same thing either way.
 */
export async function requestPasswordReset(normalizedEmail: string): Promise<void> {
  const candidate = await findSignInCandidate(normalizedEmail);
  if (!candidate?.passwordHash || !candidate.hasActiveMembership) return;
  const emailId = await db().transaction((tx) => issuePasswordReset(tx, candidate));
  await deliverSoon([emailId]);
}
