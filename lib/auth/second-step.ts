import { findSessionUser } from "@/db/queries/users";
import type { SignedInIdentity } from "./credentials";
import { attemptSucceeded, LIMITS, takeAttempt, type Throttle } from "./rate-limit";
import { readChallenge, type Challenge, type ChallengeStage } from "./two-factor-challenge";

export type SecondStep = { challenge: Challenge; person: { id: string; email: string }; identity: SignedInIdentity };

/**
 * The person part-way through signing in, at this stage: their challenge
 * cookie is valid and they still hold the session version it was made
 * with (a password change or reset meanwhile spends it). Null otherwise.
 */
export async function currentSecondStep(stage: ChallengeStage): Promise<SecondStep | null> {
  const challenge = await readChallenge();
  if (!challenge || challenge.stage !== stage) return null;
  const person = await findSessionUser(challenge.userId);
  if (!person || person.sessionVersion !== challenge.sessionVersion || !person.hasActiveMembership) return null;
  return { challenge, person: { id: person.id, email: person.email }, identity: { id: person.id, sessionVersion: person.sessionVersion } };
}

export const codeThrottles = (userId: string, ip: string): Throttle[] => [
  { rule: LIMITS.twoFactorPerUser, subject: userId },
  { rule: LIMITS.signInPerIp, subject: ip },
];

/** Runs a code check behind the limits: the wait when it may not be tried now, else whether it passed. */
export async function withCodeLimits(throttles: Throttle[], check: () => Promise<boolean>): Promise<{ waitSeconds: number } | { passed: boolean }> {
  const attempt = await takeAttempt(throttles);
  if (!attempt.allowed) return { waitSeconds: attempt.waitSeconds };
  const passed = await check();
  if (passed) {
    const own = throttles.filter((throttle) => throttle.rule === LIMITS.twoFactorPerUser);
    await attemptSucceeded(own, throttles.filter((throttle) => !own.includes(throttle)));
  }
  return { passed };
}
