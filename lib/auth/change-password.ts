import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { users } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import { currentRequestOrigin } from "@/lib/http/client-ip";
import { hashPassword, verifyPassword } from "./password";
import { attemptSucceeded, ownThrottles, passwordThrottles, sharedThrottles, takeAttempt, tryAgainMessage } from "./rate-limit";
import { recordAudit } from "@/lib/audit/record";

const WRONG_CURRENT_PASSWORD = "Your current password is not correct.";

/**
 * Checks the signed-in person's current password, for changes that need it
 * again (the password itself, the second factor). Locks the person, so two
 * concurrent changes cannot both pass against the old hash.
 */
export async function assertCurrentPassword(tx: Transaction, userId: string, currentPassword: string): Promise<void> {
  const [person] = await tx.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).for("update");
  const currentMatches = person?.passwordHash ? await verifyPassword(person.passwordHash, currentPassword) : false;
  if (!currentMatches) throw new ActionError("Some fields need your attention.", { currentPassword: WRONG_CURRENT_PASSWORD });
  // The attempt was counted before (passwordAttempt): a right password clears it, as signing in does.
  const throttles = passwordThrottles(person!.email, await callerIp());
  await attemptSucceeded(ownThrottles(throttles), sharedThrottles(throttles), tx);
}

const callerIp = async () => (await currentRequestOrigin()).ip;

/**
 * Counts a check of the signed-in person's current password against the same
 * limits as signing in (someone holding a stolen session must not get
 * unlimited guesses); a message when they must wait. Runs before the change's
 * transaction, so a wrong password's count stays.
 */
export async function passwordAttempt(session: { user: { email: string } }): Promise<string | undefined> {
  const attempt = await takeAttempt(passwordThrottles(session.user.email, await callerIp()));
  return attempt.allowed ? undefined : tryAgainMessage(attempt.waitSeconds);
}

/**
 * Changes a signed-in person's password once their current one checks out,
 * and bumps their session version so every other session ends. Returns the
 * new version, for the caller to keep its own session alive with.
 */
export async function changeOwnPassword(
  tx: Transaction,
  userId: string,
  passwords: { currentPassword: string; newPassword: string },
): Promise<{ sessionVersion: number }> {
  await assertCurrentPassword(tx, userId, passwords.currentPassword);

  const [changed] = await tx
    .update(users)
    .set({ passwordHash: await hashPassword(passwords.newPassword), sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion, email: users.email });
  const self = { userId, email: changed!.email };
  await recordAudit(tx, { action: "auth.password_changed", accountId: null, actor: self, target: { type: "person", id: userId, label: changed!.email } });
  return { sessionVersion: changed!.sessionVersion };
}
