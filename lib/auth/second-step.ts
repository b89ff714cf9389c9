import { findSessionUser } from "@/db/queries/users";
import type { SignedInIdentity } from "./credentials";
import { forgetFailures, LIMITS, recordFailure, secondsToWait, type Throttle } from "./rate-limit";
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

/** Runs a code check behind the limits: null when it may not be tried now, else whether it passed (a failure counted). */
export async function withCodeLimits(throttles: Throttle[], check: () => Promise<boolean>): Promise<{ waitSeconds: number } | { passed: boolean }> {
  const waitSeconds = await secondsToWait(throttles);
  if (waitSeconds > 0) return { waitSeconds };
  const passed = await check();
  if (passed) await forgetFailures(throttles.filter((throttle) => throttle.rule === LIMITS.twoFactorPerUser));
  else await recordFailure(throttles);
  return { passed };
}
