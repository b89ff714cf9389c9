import { eq } from "drizzle-orm";
import { db, type Executor, type Transaction } from "@/db/client";
import { users } from "@/db/schema";
import { claimTotpStep, findTwoFactor, replaceRecoveryCodes, setTwoFactor, spendRecoveryCode } from "@/db/queries/two-factor";
import { ActionError } from "@/lib/action-error";
import { recordAudit, type AuditOrigin } from "@/lib/audit/record";
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { seal, unseal } from "./secret-box";
import { formatSecretForDisplay, generateTotpSecret, otpauthUri, verifyTotp } from "./totp";
import { qrSvg } from "./totp-qr";

const ISSUER = "Rolecall";
const ENROLMENT_MINUTES = 15;

export type PendingEnrolment = { pending: string; manualKey: string; qrCode: string };

/**
 * A new secret for the person to add to their authenticator app. Nothing is
 * stored yet: the secret travels sealed (bound to the person, for 15
 * minutes) until a code from the app confirms it.
 */
export async function startEnrolment(person: { id: string; email: string }, now = new Date()): Promise<PendingEnrolment> {
  const secret = generateTotpSecret();
  const pending = seal(JSON.stringify({ userId: person.id, secret, expiresAt: now.getTime() + ENROLMENT_MINUTES * 60_000 }));
  return { pending, manualKey: formatSecretForDisplay(secret), qrCode: await qrSvg(otpauthUri({ secret, accountName: person.email, issuer: ISSUER })) };
}

function pendingSecret(pending: string, userId: string, now: Date): string | null {
  try {
    const opened = JSON.parse(unseal(pending) ?? "null") as { userId?: unknown; secret?: unknown; expiresAt?: unknown } | null;
    if (opened?.userId !== userId || typeof opened.secret !== "string" || typeof opened.expiresAt !== "number" || opened.expiresAt < now.getTime()) return null;
    return opened.secret;
  } catch {
    return null;
  }
}

export const WRONG_CODE = "That code is not right. Enter the 6-digit code your app shows now.";

/** Turns the second factor on once a code from the app matches; returns the recovery codes, shown once. */
export async function confirmEnrolment(tx: Transaction, person: { id: string; email: string }, input: { pending: string; code: string }, now = new Date()): Promise<string[]> {
  const secret = pendingSecret(input.pending, person.id, now);
  if (!secret) throw new ActionError("This setup has expired. Start again to get a new key.");
  // A setup is used once: confirming it again (or another one, in a second tab) would swap the secret
  // behind the person's back. The person's row is locked, so two confirmations take turns.
  await tx.select({ id: users.id }).from(users).where(eq(users.id, person.id)).for("update");
  if ((await findTwoFactor(person.id, tx))?.enabled) throw new ActionError("Two-factor sign-in is already on. Reset it first to move it to another app.");
  const verified = verifyTotp(secret, input.code, now, null);
  if (!verified.ok) throw new ActionError(WRONG_CODE, { code: WRONG_CODE });
  await setTwoFactor(person.id, { sealedSecret: seal(secret), step: verified.step }, tx);
  const codes = await renewRecoveryCodes(tx, person.id);
  await recordAudit(tx, { action: "two_factor.enrolled", accountId: null, actor: { userId: person.id, email: person.email }, target: { type: "person", id: person.id, label: person.email } });
  return codes;
}

async function renewRecoveryCodes(tx: Transaction, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await replaceRecoveryCodes(userId, codes.map((code) => hashRecoveryCode(normalizeRecoveryCode(code)!)), tx);
  return codes;
}

/** New recovery codes in place of the old ones, every old one void. */
export async function regenerateRecoveryCodes(tx: Transaction, person: { id: string; email: string }): Promise<string[]> {
  const state = await findTwoFactor(person.id, tx);
  if (!state?.enabled) throw new ActionError("Turn on two-factor sign-in first.");
  const codes = await renewRecoveryCodes(tx, person.id);
  await recordAudit(tx, { action: "two_factor.recovery_codes_renewed", accountId: null, actor: { userId: person.id, email: person.email }, target: { type: "person", id: person.id, label: person.email } });
  return codes;
}

/** The person's own choice to stop using a second factor: refused while any of their accounts requires one. */
export async function turnOffTwoFactor(tx: Transaction, person: { id: string; email: string }): Promise<void> {
  const state = await findTwoFactor(person.id, tx);
  if (!state?.enabled) throw new ActionError("Two-factor sign-in is already off.");
  if (state.required) throw new ActionError("An account you belong to requires two-factor sign-in, so it stays on.");
  await setTwoFactor(person.id, null, tx);
  await recordAudit(tx, { action: "two_factor.disabled", accountId: null, actor: { userId: person.id, email: person.email }, target: { type: "person", id: person.id, label: person.email } });
}

/**
 * The sign-in's second step: a code from the app (each time step once) or an
 * unused recovery code (once). The caller applies the attempt limits.
 */
export async function checkSecondFactor(person: { id: string; email: string }, input: string, origin: AuditOrigin, now = new Date(), executor: Executor = db()): Promise<boolean> {
  const state = await findTwoFactor(person.id, executor);
  if (!state?.enabled || !state.sealedSecret) return false;
  const recovery = normalizeRecoveryCode(input);
  if (recovery) {
    if (!(await spendRecoveryCode(person.id, hashRecoveryCode(recovery), executor))) return false;
    await recordAudit(executor, {
      action: "two_factor.recovery_code_used",
      accountId: null,
      actor: { userId: person.id, email: person.email },
      target: { type: "person", id: person.id, label: person.email },
      origin,
    });
    return true;
  }
  const secret = unseal(state.sealedSecret);
  if (!secret) return false;
  const verified = verifyTotp(secret, input, now, state.lastStep);
  return verified.ok && (await claimTotpStep(person.id, verified.step, executor));
}
