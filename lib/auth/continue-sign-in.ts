import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { findTwoFactor } from "@/db/queries/two-factor";
import { completeSignIn } from "./complete-sign-in";
import type { SignedInIdentity } from "./credentials";
import { setChallenge } from "./two-factor-challenge";

export const TWO_FACTOR_PATH = "/sign-in/two-factor";

/**
 * After the password (or an invitation accepted with one): straight into the
 * session, or first to the second factor — its code when the person has one,
 * its setup when an account of theirs requires one and they have none yet.
 */
export async function continueSignIn(identity: SignedInIdentity, redirectTo: string): Promise<"unavailable"> {
  const state = await findTwoFactor(identity.id);
  if (state?.enabled || state?.required) {
    const secure = (await headers()).get("x-forwarded-proto") === "https";
    await setChallenge({ userId: identity.id, sessionVersion: identity.sessionVersion, stage: state.enabled ? "code" : "enrol", callbackUrl: redirectTo }, secure);
    redirect(TWO_FACTOR_PATH);
  }
  return completeSignIn(identity, redirectTo);
}
