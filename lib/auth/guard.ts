import { findAccountAccess } from "@/db/queries/accounts";
import { closedAccountRefuses } from "@/lib/authz/closed-accounts";
import { isAccountSlug, isUuid } from "@/lib/validation/ids";
import type { SessionClaims } from "./resolve-session";
import { sessionIsLive } from "./session-lifetime";

// Pages anyone may open. Everything else needs a session. (The dev outbox
// answers not-found itself unless mail is in outbox mode.)
const PUBLIC_PATHS = [/^\/sign-in$/, /^\/sign-in\/two-factor$/, /^\/forgot-password$/, /^\/reset-password\/[^/]+$/, /^\/invite\/[^/]+$/, /^\/api\/auth\//, /^\/api\/v1\//, /^\/api\/oauth\/token$/, /^\/dev\/mail(\/[^/]+)?$/];
const ACCOUNT_PATH = /^\/a\/([^/]+)(?:\/|$)/;

export type GuardDecision = "continue" | "sign-in" | "unauthorized" | "not-found";

/**
 * The proxy's early answer for a request: signed-out visitors go to sign-in
 * (API callers get 401), an account the caller cannot reach is not found, a
 * token made stale by a person-level event goes back to sign-in. One prepared
 * query answers the account part. Pages check again beside their data.
 */
export async function decideRequest(pathname: string, claims: Partial<SessionClaims> | null): Promise<GuardDecision> {
  if (PUBLIC_PATHS.some((pattern) => pattern.test(pathname))) return "continue";
  if (!claims || !isUuid(claims.userId)) return pathname.startsWith("/api/") ? "unauthorized" : "sign-in";

  const signedOut = pathname.startsWith("/api/") ? "unauthorized" : "sign-in";
  const accountSlug = ACCOUNT_PATH.exec(pathname)?.[1];
  if (accountSlug === undefined) return (await sessionIsLive(claims.sid, claims.userId)) ? "continue" : signedOut;
  if (!isAccountSlug(accountSlug)) return "not-found";
  const access = await findAccountAccess(claims.userId, accountSlug);
  if (!access || closedAccountRefuses(access)) return "not-found";
  if (access.sessionVersion !== claims.sessionVersion) return "sign-in";
  // Idle too long, past its lifetime or signed out: the session's row says so.
  return (await sessionIsLive(claims.sid, claims.userId)) ? "continue" : "sign-in";
}
