import { decode, encode } from "next-auth/jwt";
import { db } from "@/db/client";
import { startSession } from "@/db/queries/sessions";
import { findSessionUser, recordSignIn } from "@/db/queries/users";
import { recordAudit, type AuditOrigin } from "@/lib/audit/record";
import { authSecret } from "@/lib/env";
import type { SignedInIdentity } from "./credentials";

// The credentials provider signs in nobody on a password alone: it takes only
// this proof, which the server makes once every step of signing in has
// passed (the password behind its limits, then the second factor when the
// person has or needs one) and hands to next-auth within the same request.
// It never reaches the browser, so next-auth's public callback endpoint
// cannot be used to skip a step.

const SALT = "rolecall.sign-in-proof";
const LIFETIME_SECONDS = 60;

let secret: string | undefined;
const proofSecret = () => (secret ??= authSecret());

export async function issueSignInProof(identity: SignedInIdentity): Promise<string> {
  return encode({ token: { sub: identity.id, sessionVersion: identity.sessionVersion, purpose: "sign-in" }, secret: proofSecret(), salt: SALT, maxAge: LIFETIME_SECONDS });
}

/**
 * The person a proof names, if it is fresh and they still hold it (the same
 * session version, an active membership): then the sign-in is recorded, in
 * the person and in the audit log.
 */
export async function redeemSignInProof(proof: unknown, origin: AuditOrigin): Promise<(SignedInIdentity & { sessionId: string }) | null> {
  if (typeof proof !== "string" || proof.length > 4_096) return null;
  const claims = await decode({ token: proof, secret: proofSecret(), salt: SALT }).catch(() => null);
  if (claims?.purpose !== "sign-in" || typeof claims.sub !== "string" || typeof claims.sessionVersion !== "number") return null;
  const person = await findSessionUser(claims.sub);
  if (!person || person.sessionVersion !== claims.sessionVersion || !person.hasActiveMembership) return null;
  await recordSignIn(person.id);
  const sessionId = await startSession(person.id, origin);
  const self = { userId: person.id, email: person.email };
  await recordAudit(db(), { action: "auth.signed_in", accountId: null, actor: self, target: { type: "person", id: person.id, label: person.email }, origin });
  return { id: person.id, sessionVersion: person.sessionVersion, sessionId };
}
