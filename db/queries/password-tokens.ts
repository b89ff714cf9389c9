import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { createOneTimeToken, hashToken } from "@/lib/auth/tokens";
import { db, type Executor } from "../client";
import { passwordTokens, users, type PasswordToken } from "../schema";

export const SET_PASSWORD_TOKEN_TTL_HOURS = 72;

/** Ends a person's unused links (their email changed: links sent to the old address must die). */
export async function revokePasswordTokens(executor: Executor, userId: string, purpose?: PasswordToken["purpose"]): Promise<void> {
  await executor
    .update(passwordTokens)
    .set({ consumedAt: sql`now()` })
    .where(and(eq(passwordTokens.userId, userId), purpose ? eq(passwordTokens.purpose, purpose) : undefined, isNull(passwordTokens.consumedAt)));
}

/** Issues a link token; earlier unused tokens of the same purpose stop working. */
export async function issuePasswordToken(
  userId: string,
  purpose: PasswordToken["purpose"],
  executor: Executor = db(),
  ttlHours = SET_PASSWORD_TOKEN_TTL_HOURS,
): Promise<{ token: string; expiresAt: Date }> {
  const { token, hash } = createOneTimeToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await revokePasswordTokens(executor, userId, purpose);
  await executor.insert(passwordTokens).values({ userId, purpose, tokenHash: hash, expiresAt });
  return { token, expiresAt };
}

/** Who a still-usable token belongs to, without consuming it (to render the form). */
export async function findUsablePasswordToken(token: string) {
  const [row] = await db()
    .select({ userId: passwordTokens.userId, purpose: passwordTokens.purpose, email: users.email, name: users.name })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(
      and(
        eq(passwordTokens.tokenHash, hashToken(token)),
        isNull(passwordTokens.consumedAt),
        gt(passwordTokens.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row;
}

/**
 * What became of a link, usable or not, so its page can say what to do next.
 * Expiry is judged by the database's clock, as when the token is consumed.
 */
export async function findPasswordToken(token: string) {
  const [row] = await db()
    .select({
      purpose: passwordTokens.purpose,
      email: users.email,
      used: sql<boolean>`${passwordTokens.consumedAt} is not null`.mapWith(Boolean),
      expired: sql<boolean>`${passwordTokens.expiresAt} <= now()`.mapWith(Boolean),
    })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(eq(passwordTokens.tokenHash, hashToken(token)))
    .limit(1);
  return row;
}

/**
 * Consumes a token exactly once: of two concurrent requests with the same
 * token, only one gets the row back.
 */
export async function consumePasswordToken(token: string, executor: Executor = db()) {
  const [row] = await executor
    .update(passwordTokens)
    .set({ consumedAt: sql`now()` })
    .where(
      and(
        eq(passwordTokens.tokenHash, hashToken(token)),
        isNull(passwordTokens.consumedAt),
        gt(passwordTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: passwordTokens.userId, purpose: passwordTokens.purpose });
  return row;
}
