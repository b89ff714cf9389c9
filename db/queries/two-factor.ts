import { and, eq, isNull, or, sql } from "drizzle-orm";
import { db, type Executor } from "../client";
import { accounts, memberships, recoveryCodes, users } from "../schema";

export type TwoFactorRecord = { enabled: boolean; required: boolean; sealedSecret: string | null; lastStep: number | null };

/**
 * A person's second factor, and whether they must use one: any active
 * membership of theirs that requires it, or whose open account does.
 */
export async function findTwoFactor(userId: string, executor: Executor = db()): Promise<TwoFactorRecord | undefined> {
  const requiring = executor
    .select({ one: sql`1` })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.userId, userId),
        // Active only: an admin cannot impose it on someone by inviting them; invitees are
        // active by the time accepting leads on to signing in.
        eq(memberships.status, "active"),
        isNull(accounts.closedAt),
        or(eq(memberships.twoFactorRequired, true), eq(accounts.twoFactorRequired, true)),
      ),
    );
  const [row] = await executor
    .select({
      enabledAt: users.twoFactorEnabledAt,
      sealedSecret: users.totpSecret,
      lastStep: users.totpLastStep,
      required: sql<boolean>`exists (${requiring})`.mapWith(Boolean),
    })
    .from(users)
    .where(eq(users.id, userId));
  return row && { enabled: row.enabledAt !== null && row.sealedSecret !== null, required: row.required, sealedSecret: row.sealedSecret, lastStep: row.lastStep };
}

/** Takes a code's time step, once: false when that step (or a later one) was already used. */
export async function claimTotpStep(userId: string, step: number, executor: Executor = db()): Promise<boolean> {
  const claimed = await executor
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), sql`${users.totpLastStep} < ${step}`)))
    .returning({ id: users.id });
  return claimed.length === 1;
}

/** Spends a recovery code, once. */
export async function spendRecoveryCode(userId: string, codeHash: string, executor: Executor = db()): Promise<boolean> {
  const spent = await executor
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return spent.length === 1;
}

/** Replaces the person's recovery codes with these (hashes). */
export async function replaceRecoveryCodes(userId: string, codeHashes: string[], executor: Executor): Promise<void> {
  await executor.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codeHashes.length > 0) await executor.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

export async function unusedRecoveryCodeCount(userId: string, executor: Executor = db()): Promise<number> {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.count ?? 0;
}

/** Turns the second factor on (a sealed secret and the step its first code used) or off (both null). */
export async function setTwoFactor(userId: string, factor: { sealedSecret: string; step: number } | null, executor: Executor): Promise<void> {
  await executor
    .update(users)
    .set(factor ? { totpSecret: factor.sealedSecret, totpLastStep: factor.step, twoFactorEnabledAt: sql`now()` } : { totpSecret: null, totpLastStep: null, twoFactorEnabledAt: null })
    .where(eq(users.id, userId));
  if (!factor) await executor.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** Whether the person set up their second factor after they last signed in (or never signed in). */
export async function enrolledSinceLastSignIn(userId: string, executor: Executor = db()): Promise<boolean> {
  const [row] = await executor.select({ enabledAt: users.twoFactorEnabledAt, lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, userId));
  return Boolean(row?.enabledAt && (!row.lastSignInAt || row.lastSignInAt < row.enabledAt));
}
