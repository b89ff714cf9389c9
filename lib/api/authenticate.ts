import { and, eq, isNull, lt, or } from "drizzle-orm";
import { decode, encode } from "next-auth/jwt";
import { db } from "@/db/client";
import { findSessionUser } from "@/db/queries/users";
import { accounts, apiCredentials, type ApiCredential } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashToken } from "@/lib/auth/tokens";
import { accessContextFor, type AccessContext } from "@/lib/authz/authorize";
import type { PermissionKey } from "@/lib/authz/permissions";
import { authSecret } from "@/lib/env";
import { currentRequestOrigin } from "@/lib/http/client-ip";
import { apiError } from "./errors";
import { SECRET_PREFIX } from "./credentials";

// Every /api/v1 call: the bearer (a credential's secret, or an access token
// from /api/oauth/token) names a credential; the credential acts as the person
// who made it, with their access in its account as it is now. So it stops
// working the moment that person is deactivated, deleted, or may no longer
// manage API credentials there, and never does more than they may.

export type ApiAccess = AccessContext & { credentialId: string };

const TOKEN_SALT = "rolecall.api-access-token";
export const ACCESS_TOKEN_SECONDS = 60 * 60;
let secret: string | undefined;
const tokenSecret = () => (secret ??= authSecret());

/** An OAuth access token (client-credentials grant) for this credential, for an hour. */
export async function issueAccessToken(credentialId: string): Promise<string> {
  return encode({ token: { cid: credentialId, purpose: "api" }, secret: tokenSecret(), salt: TOKEN_SALT, maxAge: ACCESS_TOKEN_SECONDS });
}

async function credentialOf(bearer: string): Promise<ApiCredential | undefined> {
  let match;
  if (bearer.startsWith(SECRET_PREFIX)) match = eq(apiCredentials.secretHash, hashToken(bearer));
  else {
    const claims = await decode({ token: bearer, secret: tokenSecret(), salt: TOKEN_SALT }).catch(() => null);
    if (claims?.purpose !== "api" || typeof claims.cid !== "string" || !/^[0-9a-f-]{36}$/i.test(claims.cid)) return undefined;
    match = eq(apiCredentials.id, claims.cid);
  }
  const [credential] = await db().select().from(apiCredentials).where(and(match, isNull(apiCredentials.revokedAt)));
  return credential;
}

/** The credential's access now, or why it has none: its maker is gone, deactivated or lost the right. */
export async function credentialAccess(credential: ApiCredential): Promise<ApiAccess | undefined> {
  const person = await findSessionUser(credential.createdByUserId);
  if (!person?.hasActiveMembership) return undefined;
  const [account] = await db().select({ slug: accounts.slug }).from(accounts).where(eq(accounts.id, credential.accountId));
  if (!account) return undefined;
  const access = await accessContextFor({ user: { id: person.id, email: person.email, name: person.name }, signedInAt: credential.createdAt }, account.slug);
  if (access === "not-found" || !access.can("account.manage_api_credentials")) return undefined;
  return Object.assign(access, { credentialId: credential.id });
}

/** Marks the credential used (at most once a minute); its first use goes in the audit log. */
async function noteUse(credential: ApiCredential, access: ApiAccess): Promise<void> {
  const now = new Date();
  const [updated] = await db()
    .update(apiCredentials)
    .set({ lastUsedAt: now })
    .where(and(eq(apiCredentials.id, credential.id), or(isNull(apiCredentials.lastUsedAt), lt(apiCredentials.lastUsedAt, new Date(now.getTime() - 60_000)))))
    .returning({ id: apiCredentials.id });
  if (updated && credential.lastUsedAt === null) {
    await recordAudit(db(), {
      action: "credential.first_used",
      accountId: credential.accountId,
      actor: { userId: access.session.user.id, email: access.session.user.email, credentialId: credential.id },
      target: { type: "credential", id: credential.id, label: credential.description },
      origin: await currentRequestOrigin(),
    });
  }
}

/** authorize() for the API: the credential's access with this permission, or the JSON error to answer. */
export async function authorizeApi(request: Request, permission: PermissionKey): Promise<{ access: ApiAccess; denied?: undefined } | { access?: undefined; denied: Response }> {
  const bearer = /^Bearer\s+(\S{1,4096})$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!bearer) return { denied: apiError(401, "unauthenticated", "Send a credential's secret or an access token as Authorization: Bearer …") };
  const credential = await credentialOf(bearer);
  const access = credential ? await credentialAccess(credential) : undefined;
  if (!credential || !access) return { denied: apiError(401, "invalid_token", "This credential or token is not valid (revoked, expired, or its owner lost access).") };
  if (access.closed) return { denied: apiError(403, "account_closed", "This account is closed.") };
  if (!access.can(permission)) return { denied: apiError(403, "forbidden", "This credential's owner may not do this.") };
  await noteUse(credential, access);
  return { access };
}
