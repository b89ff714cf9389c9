"use server";

// Public endpoints: the one-time invitation token is the credential, bound
// to the invited email and account; acceptInvitation() consumes it once.

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { fieldErrorsOf, type FieldErrors } from "@/lib/action-error";
import { findSessionUser } from "@/db/queries/users";
import { continueSignIn } from "@/lib/auth/continue-sign-in";
import { tryAgainMessage } from "@/lib/auth/rate-limit";
import { getSession } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-ip";
import { acceptInvitation, type AcceptResult } from "@/lib/invitations/accept-invitation";
import { acceptAsExistingPersonSchema, acceptAsNewPersonSchema, acceptAsSignedInSchema } from "@/lib/validation/accept-invite";
import { refuseCommonPassword } from "@/lib/validation/server-password";

export type AcceptFormResult = { ok: false; error: string; fieldErrors?: FieldErrors };

const FAILURES: Record<Exclude<Extract<AcceptResult, { ok: false }>["reason"], "throttled">, string> = {
  link: "This invitation link no longer works. Reload the page to see why.",
  void: "This invitation is no longer valid: the person who sent it can no longer grant this access. Ask an admin of the account to invite you again.",
  "wrong-person": "This invitation is for another email address.",
  "wrong-password": "That password is not correct.",
  "has-login": "You already have a Rolecall login. Reload the page and sign in with your password to accept.",
};

const callerIp = async () => clientIp(await headers());

async function finish(result: AcceptResult, signInAfter: boolean): Promise<AcceptFormResult> {
  if (!result.ok && result.reason === "throttled") return { ok: false, error: tryAgainMessage(result.seconds) };
  if (!result.ok) {
    return { ok: false, error: FAILURES[result.reason], fieldErrors: result.reason === "wrong-password" ? { password: FAILURES["wrong-password"] } : undefined };
  }
  const home = `/a/${result.accountSlug}`;
  if (!signInAfter) redirect(home);
  // Their password was just set or checked: the session starts as a sign-in does (invitees
  // of an account that requires two-factor sign-in set it up now).
  const person = await findSessionUser(result.userId);
  if (person) await continueSignIn({ id: person.id, sessionVersion: person.sessionVersion }, home);
  // Accepted, but signing in failed (e.g. the database blinked): the sign-in page still works.
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(home)}`);
}

export async function acceptAsNewPerson(input: unknown): Promise<AcceptFormResult> {
  const parsed = refuseCommonPassword(acceptAsNewPersonSchema, "password").safeParse(input);
  if (!parsed.success) return { ok: false, error: "Some fields need your attention.", fieldErrors: fieldErrorsOf(parsed.error) };
  const { token, name, password } = parsed.data;
  return finish(await acceptInvitation(token, { kind: "new-person", name, password }, await callerIp()), true);
}

export async function acceptAsExistingPerson(input: unknown): Promise<AcceptFormResult> {
  const parsed = acceptAsExistingPersonSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Some fields need your attention.", fieldErrors: fieldErrorsOf(parsed.error) };
  const { token, password } = parsed.data;
  return finish(await acceptInvitation(token, { kind: "existing-person", password }, await callerIp()), true);
}

export async function acceptAsSignedIn(input: unknown): Promise<AcceptFormResult> {
  const parsed = acceptAsSignedInSchema.safeParse(input);
  const session = await getSession();
  if (!parsed.success || !session) return { ok: false, error: "Sign in again to accept this invitation." };
  return finish(await acceptInvitation(parsed.data.token, { kind: "signed-in", userId: session.user.id }, await callerIp()), false);
}
