import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { consumePasswordToken } from "@/db/queries/password-tokens";
import { users } from "@/db/schema";
import { hashPassword } from "./password";

/**
 * Sets a password through a one-time link. The token is consumed in the same
 * transaction that stores the hash, so a link works once even under
 * concurrent submits, and every existing session of the person ends.
 */
export async function setPasswordWithToken(token: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db().transaction(async (tx) => {
    const consumed = await consumePasswordToken(token, tx);
    if (!consumed) return false;
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, consumed.userId));
    return true;
  });
}
