import { inArray, lt, max, sql } from "drizzle-orm";
import { db, type Executor } from "../client";
import { rateLimits } from "../schema";

/** The latest moment any of these keys is blocked until, or null. */
export async function blockedUntil(keys: string[], executor: Executor = db()): Promise<Date | null> {
  const [row] = await executor.select({ until: max(rateLimits.blockedUntil) }).from(rateLimits).where(inArray(rateLimits.key, keys));
  return row?.until ?? null;
}

/**
 * Counts one more failure for the key, starting again from one when the last
 * was longer ago than `forgetAfterMs`; returns the count.
 */
export async function countFailure(key: string, now: Date, forgetAfterMs: number, executor: Executor = db()): Promise<number> {
  const forgetBefore = new Date(now.getTime() - forgetAfterMs);
  const [row] = await executor
    .insert(rateLimits)
    .values({ key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        failures: sql`case when ${rateLimits.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz then 1 else ${rateLimits.failures} + 1 end`,
        lastFailureAt: now,
      },
    })
    .returning({ failures: rateLimits.failures });
  return row!.failures;
}

export async function blockKey(key: string, until: Date, executor: Executor = db()): Promise<void> {
  await executor.update(rateLimits).set({ blockedUntil: until }).where(sql`${rateLimits.key} = ${key}`);
}

export async function clearKeys(keys: string[], executor: Executor = db()): Promise<void> {
  await executor.delete(rateLimits).where(inArray(rateLimits.key, keys));
}

/** Drops counts nobody has added to since `before` and that block nothing any more. */
export async function forgetStaleFailures(before: Date, executor: Executor = db()): Promise<void> {
  await executor
    .delete(rateLimits)
    .where(sql`${lt(rateLimits.lastFailureAt, before)} and (${rateLimits.blockedUntil} is null or ${rateLimits.blockedUntil} < ${before.toISOString()}::timestamptz)`);
}
