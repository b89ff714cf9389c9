"use server";

// Public endpoints: the second step of signing in. The sealed challenge
// cookie the password step set is the credential (lib/auth/two-factor-challenge.ts).

import { headers } from "next/headers";
import { db } from "@/db/client";
import { fieldErrorsOf, type FieldErrors } from "@/lib/action-error";
import { ActionError } from "@/lib/action-error";
import { completeSignIn } from "@/lib/auth/complete-sign-in";
import { tryAgainMessage } from "@/lib/auth/rate-limit";
import { codeThrottles, currentSecondStep, withCodeLimits } from "@/lib/auth/second-step";
import { checkSecondFactor, confirmEnrolment, WRONG_CODE } from "@/lib/auth/two-factor";
import { clearChallenge, setChallenge } from "@/lib/auth/two-factor-challenge";
import { enrolledSinceLastSignIn } from "@/db/queries/two-factor";
import { requestOriginOf } from "@/lib/http/client-ip";
import { secondFactorSchema, signInEnrolmentSchema } from "@/lib/validation/two-factor";

export type SecondStepResult = { ok: false; error: string; fieldErrors?: FieldErrors } | { ok: true; recoveryCodes: string[] };

const EXPIRED = "This sign-in has timed out. Sign in again with your password.";
const UNAVAILABLE = "Sign-in is unavailable right now. Try again in a few minutes.";
const WRONG_CODE_OR_RECOVERY = "That code is not right. Enter the 6-digit code your app shows now, or an unused recovery code.";

export async function submitSecondFactor(input: unknown): Promise<SecondStepResult> {
  const parsed = secondFactorSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Enter the code.", fieldErrors: fieldErrorsOf(parsed.error) };
  const step = await currentSecondStep("code");
  if (!step) return { ok: false, error: EXPIRED };
  const origin = requestOriginOf(await headers());
  const outcome = await withCodeLimits(codeThrottles(step.person.id, origin.ip), () => checkSecondFactor(step.person, parsed.data.code, origin));
  if ("waitSeconds" in outcome) return { ok: false, error: tryAgainMessage(outcome.waitSeconds) };
  if (!outcome.passed) return { ok: false, error: WRONG_CODE_OR_RECOVERY, fieldErrors: { code: WRONG_CODE_OR_RECOVERY } };
  await clearChallenge();
  await completeSignIn(step.identity, step.challenge.callbackUrl);
  return { ok: false, error: UNAVAILABLE };
}

/** Setting up the second factor a required account asks for, during sign-in: returns the recovery codes to show once. */
export async function confirmSignInEnrolment(input: unknown): Promise<SecondStepResult> {
  const parsed = signInEnrolmentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Enter the code.", fieldErrors: fieldErrorsOf(parsed.error) };
  const step = await currentSecondStep("enrol");
  if (!step) return { ok: false, error: EXPIRED };
  const origin = requestOriginOf(await headers());
  let recoveryCodes: string[] = [];
  let refusal: ActionError | undefined;
  const outcome = await withCodeLimits(codeThrottles(step.person.id, origin.ip), async () => {
    try {
      recoveryCodes = await db().transaction((tx) => confirmEnrolment(tx, step.person, parsed.data));
      return true;
    } catch (error) {
      if (!(error instanceof ActionError)) throw error;
      refusal = error;
      return false;
    }
  });
  if ("waitSeconds" in outcome) return { ok: false, error: tryAgainMessage(outcome.waitSeconds) };
  // The refusal's own words: a wrong code, or a setup that expired or is already done.
  if (!outcome.passed) return { ok: false, error: refusal?.message ?? WRONG_CODE, fieldErrors: refusal?.fieldErrors };
  const secure = (await headers()).get("x-forwarded-proto") === "https";
  await setChallenge({ ...step.challenge, stage: "enrolled" }, secure);
  return { ok: true, recoveryCodes };
}

/** After the recovery codes were shown: the session starts. */
export async function finishEnrolledSignIn(): Promise<SecondStepResult> {
  const step = await currentSecondStep("enrolled");
  // Once: the challenge is a cookie, so a copy of it must not start more sessions. The setup it
  // followed is the person's newest sign-in event until this one completes.
  if (!step || !(await enrolledSinceLastSignIn(step.person.id))) return { ok: false, error: EXPIRED };
  await clearChallenge();
  await completeSignIn(step.identity, step.challenge.callbackUrl);
  return { ok: false, error: UNAVAILABLE };
}
