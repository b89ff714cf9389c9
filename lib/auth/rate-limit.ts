import { createHmac } from "node:crypto";
import { inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { clearKeys, forgetStaleFailures, lockKeys, refundKeys, saveCount } from "@/db/queries/rate-limits";
import { rateLimits } from "@/db/schema";
import { authSecret } from "@/lib/env";
import { emailSchema } from "@/lib/validation/user";

// Sign-in protection (OWASP ASVS 6.3): failed attempts are counted per rule
// and subject in the database, so every app instance sees the same counts.
// The first failures are free; after them each one blocks the subject for
// twice as long as the last, up to a ceiling, and a block always ends: an
// attacker can slow a person down but never lock them out for good. Counts
// are forgotten after a quiet spell, and a success clears the person's own.

export type LimitRule = {
  name: string;
  freeFailures: number;
  /** A failure this long after the last one starts the count again. */
  forgetAfterMs: number;
  firstBlockMs: number;
  maxBlockMs: number;
};

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

export const LIMITS = {
  // A person, from one address: a few typos are free; a guessing run waits up to 5 minutes a try.
  signInPerEmailAndIp: { name: "sign-in/email+ip", freeFailures: 10, forgetAfterMs: 15 * MINUTE, firstBlockMs: 5 * SECOND, maxBlockMs: 5 * MINUTE },
  // A person, from anywhere: only a run spread over many addresses reaches it.
  signInPerEmail: { name: "sign-in/email", freeFailures: 50, forgetAfterMs: 15 * MINUTE, firstBlockMs: 5 * SECOND, maxBlockMs: 5 * MINUTE },
  // An address: an office behind one IP has room; credential stuffing does not.
  signInPerIp: { name: "sign-in/ip", freeFailures: 100, forgetAfterMs: 15 * MINUTE, firstBlockMs: 10 * SECOND, maxBlockMs: 15 * MINUTE },
  // Second-factor codes per person: a million codes, five tries, then a doubling wait.
  twoFactorPerUser: { name: "two-factor/user", freeFailures: 5, forgetAfterMs: 15 * MINUTE, firstBlockMs: 30 * SECOND, maxBlockMs: 15 * MINUTE },
  // Every reset link asked for counts (each sends an email): three go at once, the fourth waits.
  resetPerEmail: { name: "reset/email", freeFailures: 2, forgetAfterMs: 60 * MINUTE, firstBlockMs: MINUTE, maxBlockMs: 15 * MINUTE },
  resetPerIp: { name: "reset/ip", freeFailures: 30, forgetAfterMs: 60 * MINUTE, firstBlockMs: MINUTE, maxBlockMs: 15 * MINUTE },
  // The OAuth token endpoint: wrong client secrets per address.
  apiTokenPerIp: { name: "api-token/ip", freeFailures: 20, forgetAfterMs: 15 * MINUTE, firstBlockMs: 10 * SECOND, maxBlockMs: 15 * MINUTE },
  // Invitation links that do not work, per address (a token is 256 random bits; this stops the trying).
  invitationPerIp: { name: "invitation/ip", freeFailures: 30, forgetAfterMs: 15 * MINUTE, firstBlockMs: 10 * SECOND, maxBlockMs: 15 * MINUTE },
} satisfies Record<string, LimitRule>;

/** A rule applied to one subject: an email (normalized) or an IP address. */
export type Throttle = { rule: LimitRule; subject: string };

/**
 * The throttles a password check counts against: the email typed (any, known
 * or not) from this address — the strict one, so someone guessing from
 * elsewhere cannot keep the person out — the email from anywhere (a guessing
 * run spread over many addresses), and the address (many emails).
 */
export function passwordThrottles(rawEmail: unknown, ip: string): Throttle[] {
  const email = emailSchema.safeParse(rawEmail);
  return [
    ...(email.success
      ? [
          { rule: LIMITS.signInPerEmailAndIp, subject: `${email.data}\n${ip}` },
          { rule: LIMITS.signInPerEmail, subject: email.data },
        ]
      : []),
    { rule: LIMITS.signInPerIp, subject: ip },
  ];
}

/** Of a password check's throttles, those that are the person's own (forgotten when they get in). */
export const ownThrottles = (throttles: Throttle[]) => throttles.filter((throttle) => throttle.rule !== LIMITS.signInPerIp);
export const sharedThrottles = (throttles: Throttle[]) => throttles.filter((throttle) => throttle.rule === LIMITS.signInPerIp);

let keySecret: string | undefined;
function keyOf({ rule, subject }: Throttle): string {
  keySecret ??= authSecret();
  return createHmac("sha256", keySecret).update(`${rule.name}\n${subject.toLowerCase()}`).digest("base64url");
}

/** How long a subject waits after its nth attempt within a spell (0 while still free). */
export function blockAfter(rule: LimitRule, failures: number): number {
  const over = failures - rule.freeFailures;
  return over <= 0 ? 0 : Math.min(rule.firstBlockMs * 2 ** Math.min(over - 1, 30), rule.maxBlockMs);
}

// Counts older than every rule's spell and block are dropped, by whichever instance counts next, hourly.
const STALE_AFTER_MS = 24 * 60 * MINUTE;
let lastCleanup = 0;

export type Attempt = { allowed: true } | { allowed: false; waitSeconds: number };

/**
 * Counts an attempt against each subject before anything is checked, under
 * their rows' locks, so a burst of parallel requests is counted one by one
 * and at most one attempt past the free ones gets through before the block.
 * Refused (and not counted: a refused attempt cannot lengthen a block) while
 * any subject is blocked. The caller settles it once it knows the outcome.
 */
export async function takeAttempt(throttles: Throttle[], now = new Date(), executor: Executor = db()): Promise<Attempt> {
  if (throttles.length === 0) return { allowed: true };
  if (Math.abs(now.getTime() - lastCleanup) > 60 * MINUTE) {
    lastCleanup = now.getTime();
    await forgetStaleFailures(new Date(now.getTime() - STALE_AFTER_MS), executor);
  }
  return executor.transaction(async (tx) => {
    const keyed = throttles.map((throttle) => ({ throttle, key: keyOf(throttle) }));
    const rows = new Map((await lockKeys(keyed.map(({ key }) => key), now, tx)).map((row) => [row.key, row]));
    const blockedUntil = Math.max(0, ...[...rows.values()].map((row) => row.blockedUntil?.getTime() ?? 0));
    if (blockedUntil > now.getTime()) return { allowed: false, waitSeconds: Math.ceil((blockedUntil - now.getTime()) / SECOND) };
    for (const { throttle, key } of keyed) {
      const row = rows.get(key)!;
      const failures = now.getTime() - row.lastFailureAt.getTime() > throttle.rule.forgetAfterMs ? 1 : row.failures + 1;
      const block = blockAfter(throttle.rule, failures);
      await saveCount(key, { failures, lastFailureAt: now, blockedUntil: block > 0 ? new Date(now.getTime() + block) : row.blockedUntil }, tx);
    }
    return { allowed: true };
  });
}

/**
 * After an attempt that succeeded: the person's own counts (`cleared`) are
 * forgotten, and the shared ones (an address) get the attempt back, so the
 * people of one office signing in all day are not counted against each other.
 */
export async function attemptSucceeded(cleared: Throttle[], refunded: Throttle[], executor: Executor = db()): Promise<void> {
  if (cleared.length > 0) await clearKeys(cleared.map(keyOf), executor);
  if (refunded.length > 0) await refundKeys(refunded.map(keyOf), executor);
}

/** Seconds until every one of these subjects may try again; 0 when they may now (a read, for messages). */
export async function secondsToWait(throttles: Throttle[], now = new Date()): Promise<number> {
  const rows = await db().select({ until: rateLimits.blockedUntil }).from(rateLimits).where(inArray(rateLimits.key, throttles.map(keyOf)));
  const until = Math.max(0, ...rows.map((row) => row.until?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / SECOND) : 0;
}

/** What a refused caller is told: when, never why (nothing about whether the account exists). */
export function tryAgainMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
