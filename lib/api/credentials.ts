import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { apiCredentials, users } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { hashToken } from "@/lib/auth/tokens";
import type { Actor } from "@/lib/members/membership-guards";

// A credential is a client id (public) and a secret (shown once). The secret
// works alone as a bearer API key, or with the client id at the OAuth token
// endpoint. Both carry a prefix so a leaked one is recognisable in logs and scanners.
export const SECRET_PREFIX = "rcs_";
const CLIENT_PREFIX = "rc_";
const VISIBLE_CHARACTERS = 12;

export type NewCredential = { id: string; clientId: string; secret: string };

export async function createApiCredential(tx: Transaction, actor: Actor & { session: { user: { email?: string } } }, description: string): Promise<NewCredential> {
  const clientId = `${CLIENT_PREFIX}${randomBytes(10).toString("hex")}`;
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
  const [created] = await tx
    .insert(apiCredentials)
    .values({ accountId: actor.account.id, createdByUserId: actor.session.user.id, description, clientId, secretHash: hashToken(secret), secretPrefix: secret.slice(0, VISIBLE_CHARACTERS) })
    .returning({ id: apiCredentials.id });
  await recordAudit(tx, {
    action: "credential.created",
    accountId: actor.account.id,
    actor: auditActor(actor),
    target: { type: "credential", id: created!.id, label: description },
    details: { clientId },
  });
  return { id: created!.id, clientId, secret };
}

/** Revokes one of the account's credentials; its secret and tokens stop working on their next call. */
export async function revokeApiCredential(tx: Transaction, actor: Actor & { session: { user: { email?: string } } }, credentialId: string): Promise<void> {
  const [revoked] = await tx
    .update(apiCredentials)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiCredentials.id, credentialId), eq(apiCredentials.accountId, actor.account.id), isNull(apiCredentials.revokedAt)))
    .returning({ description: apiCredentials.description, clientId: apiCredentials.clientId });
  if (!revoked) throw new ActionError("This credential does not exist or is already revoked.");
  await recordAudit(tx, {
    action: "credential.revoked",
    accountId: actor.account.id,
    actor: auditActor(actor),
    target: { type: "credential", id: credentialId, label: revoked.description },
    details: { clientId: revoked.clientId },
  });
}

/** The account's credentials, newest first, with who made each. */
export async function listApiCredentials(accountId: string) {
  return db()
    .select({
      id: apiCredentials.id,
      description: apiCredentials.description,
      clientId: apiCredentials.clientId,
      secretPrefix: apiCredentials.secretPrefix,
      createdAt: apiCredentials.createdAt,
      lastUsedAt: apiCredentials.lastUsedAt,
      revokedAt: apiCredentials.revokedAt,
      createdBy: users.email,
    })
    .from(apiCredentials)
    .innerJoin(users, eq(users.id, apiCredentials.createdByUserId))
    .where(eq(apiCredentials.accountId, accountId))
    .orderBy(desc(apiCredentials.createdAt));
}
