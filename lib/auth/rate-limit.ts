import { createHmac } from "node:crypto";
import { blockedUntil, blockKey, clearKeys, countFailure, forgetStaleFailures } from "@/db/queries/rate-limits";
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
  // A person: a few typos are free; a guessing run waits up to 5 minutes a try.
  signInPerEmail: { name: "sign-in/email", freeFailures: 10, forgetAfterMs: 15 * MINUTE, firstBlockMs: 5 * SECOND, maxBlockMs: 5 * MINUTE },
  // An address: an office behind one IP has room; credential stuffing does not.
  signInPerIp: { name: "sign-in/ip", freeFailures: 100, forgetAfterMs: 15 * MINUTE, firstBlockMs: 10 * SECOND, maxBlockMs: 15 * MINUTE },
  // Second-factor codes per person: a million codes, five tries, then a doubling wait.
  twoFactorPerUser: { name: "two-factor/user", freeFailures: 5, forgetAfterMs: 15 * MINUTE, firstBlockMs: 30 * SECOND, maxBlockMs: 15 * MINUTE },
  // Every reset link asked for counts (each sends an email): three go at once, the fourth waits.
  resetPerEmail: { name: "reset/email", freeFailures: 2, forgetAfterMs: 60 * MINUTE, firstBlockMs: MINUTE, maxBlockMs: 15 * MINUTE },
  resetPerIp: { name: "reset/ip", freeFailures: 30, forgetAfterMs: 60 * MINUTE, firstBlockMs: MINUTE, maxBlockMs: 15 * MINUTE },
  // Invitation links that do not work, per address (a token is 256 random bits; this stops the trying).
  invitationPerIp: { name: "invitation/ip", freeFailures: 30, forgetAfterMs: 15 * MINUTE, firstBlockMs: 10 * SECOND, maxBlockMs: 15 * MINUTE },
} satisfies Record<string, LimitRule>;

/** A rule applied to one subject: an email (normalized) or an IP address. */
export type Throttle = { rule: LimitRule; subject: string };

/** The throttles a password check counts against: the email typed (any, known or not) and the caller's address. */
export function passwordThrottles(rawEmail: unknown, ip: string): Throttle[] {
  const email = emailSchema.safeParse(rawEmail);
  return [
    ...(email.success ? [{ rule: LIMITS.signInPerEmail, subject: email.data }] : []),
    { rule: LIMITS.signInPerIp, subject: ip },
  ];
}

let keySecret: string | undefined;
function keyOf({ rule, subject }: Throttle): string {
  keySecret ??= authSecret();
  return createHmac("sha256", keySecret).update(`${rule.name}\n${subject.toLowerCase()}`).digest("base64url");
}

/** Seconds until every one of these subjects may try again; 0 when they may now. */
export async function secondsToWait(throttles: Throttle[], now = new Date()): Promise<number> {
  const until = await blockedUntil(throttles.map(keyOf));
  return until && until > now ? Math.ceil((until.getTime() - now.getTime()) / SECOND) : 0;
}

/** How long a subject waits after its nth failure within a spell (0 while still free). */
export function blockAfter(rule: LimitRule, failures: number): number {
  const over = failures - rule.freeFailures;
  return over <= 0 ? 0 : Math.min(rule.firstBlockMs * 2 ** Math.min(over - 1, 30), rule.maxBlockMs);
}

// Counts older than every rule's spell and block are dropped, by whichever instance records a failure next, hourly.
const STALE_AFTER_MS = 24 * 60 * MINUTE;
let lastCleanup = 0;

/** Counts a failed attempt against each subject, blocking those past their free failures. */
export async function recordFailure(throttles: Throttle[], now = new Date()): Promise<void> {
  if (Math.abs(now.getTime() - lastCleanup) > 60 * MINUTE) {
    lastCleanup = now.getTime();
    await forgetStaleFailures(new Date(now.getTime() - STALE_AFTER_MS));
  }
  for (const throttle of throttles) {
    const key = keyOf(throttle);
    const block = blockAfter(throttle.rule, await countFailure(key, now, throttle.rule.forgetAfterMs));
    if (block > 0) await blockKey(key, new Date(now.getTime() + block));
  }
}

/** Forgets these subjects' failures: the person got in. */
export async function forgetFailures(throttles: Throttle[]): Promise<void> {
  await clearKeys(throttles.map(keyOf));
}

/** What a refused caller is told: when, never why (nothing about whether the account exists). */
export function tryAgainMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
