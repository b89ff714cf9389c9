import { asc, inArray, lt, sql } from "drizzle-orm";
import { db, type Executor } from "../client";
import { rateLimits, type RateLimit } from "../schema";

/**
 * Locks the rows of these keys (made when missing, in key order so two
 * callers never deadlock) for the caller's transaction: attempts on one key
 * are counted one after another, however many arrive at once.
 */
export async function lockKeys(keys: string[], now: Date, executor: Executor): Promise<RateLimit[]> {
  const sorted = [...new Set(keys)].sort();
  await executor
    .insert(rateLimits)
    .values(sorted.map((key) => ({ key, failures: 0, lastFailureAt: now })))
    .onConflictDoNothing();
  return executor.select().from(rateLimits).where(inArray(rateLimits.key, sorted)).orderBy(asc(rateLimits.key)).for("update");
}

export async function saveCount(key: string, count: Pick<RateLimit, "failures" | "lastFailureAt" | "blockedUntil">, executor: Executor): Promise<void> {
  await executor.update(rateLimits).set(count).where(sql`${rateLimits.key} = ${key}`);
}

/** Takes one attempt back off each key (an attempt that succeeded), never below zero. */
export async function refundKeys(keys: string[], executor: Executor = db()): Promise<void> {
  await executor
    .update(rateLimits)
    .set({ failures: sql`greatest(${rateLimits.failures} - 1, 0)` })
    .where(inArray(rateLimits.key, keys));
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
