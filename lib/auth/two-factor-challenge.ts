import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authSecret } from "@/lib/env";

// Between the password and the second factor the person holds no session,
// only this: a sealed, short-lived cookie naming them, the step they are on
// and where they were going. It grants nothing but the next step, which
// checks the session version again (a password change meanwhile spends it).

const COOKIE = "rolecall-two-factor";
const SALT = "rolecall.two-factor-challenge";
const LIFETIME_SECONDS = 10 * 60;

export type ChallengeStage = "code" | "enrol" | "enrolled";
export type Challenge = { userId: string; sessionVersion: number; stage: ChallengeStage; callbackUrl: string };

let secret: string | undefined;
const challengeSecret = () => (secret ??= authSecret());

export async function setChallenge(challenge: Challenge, secure: boolean): Promise<void> {
  const token = await encode({ token: { ...challenge, sub: challenge.userId }, secret: challengeSecret(), salt: SALT, maxAge: LIFETIME_SECONDS });
  (await cookies()).set(COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: LIFETIME_SECONDS });
}

export async function readChallenge(): Promise<Challenge | null> {
  const token = (await cookies()).get(COOKIE)?.value;
  if (!token) return null;
  const claims = await decode({ token, secret: challengeSecret(), salt: SALT }).catch(() => null);
  const { userId, sessionVersion, stage, callbackUrl } = (claims ?? {}) as Partial<Challenge>;
  if (typeof userId !== "string" || typeof sessionVersion !== "number" || typeof callbackUrl !== "string") return null;
  if (stage !== "code" && stage !== "enrol" && stage !== "enrolled") return null;
  return { userId, sessionVersion, stage, callbackUrl };
}

export async function clearChallenge(): Promise<void> {
  (await cookies()).delete(COOKIE);
}
