import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { consumePasswordToken, findUsablePasswordToken } from "@/db/queries/password-tokens";
import { users } from "@/db/schema";
import { hashPassword } from "./password";
import { recordAudit } from "@/lib/audit/record";

/**
 * Sets a password through a one-time link. The token is consumed in the same
 * transaction that stores the hash, so a link works once even under
 * concurrent submits, and every existing session of the person ends.
 */
export async function setPasswordWithToken(token: string, password: string): Promise<boolean> {
  // A cheap indexed lookup first: made-up tokens must not each cost an argon2 hash.
  if (!(await findUsablePasswordToken(token))) return false;
  const passwordHash = await hashPassword(password);
  return db().transaction(async (tx) => {
    const consumed = await consumePasswordToken(token, tx);
    if (!consumed) return false;
    const [person] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, consumed.userId))
      .returning({ email: users.email });
    const self = { userId: consumed.userId, email: person?.email ?? null };
    await recordAudit(tx, { action: "auth.password_reset", accountId: null, actor: self, target: { type: "person", id: consumed.userId, label: self.email } });
    return true;
  });
}
