import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { findAccountAccess, type AccountAccess } from "@/db/queries/accounts";
import { getSession, type CurrentSession } from "@/lib/auth/session";
import { isAccountSlug } from "@/lib/validation/ids";
import { closedAccountRefuses } from "./closed-accounts";
import { reportScopeFor, type ReportScope } from "./data-filter";
import { permissionsOfAccess } from "./access-permissions";
import type { PermissionKey } from "./permissions";

export type AccessContext = AccountAccess & {
  session: CurrentSession;
  permissions: ReadonlySet<PermissionKey>;
  isHolder: boolean;
  reportScope: ReportScope;
  // Only a closed account's network Super Users get a context for it at all.
  closed: boolean;
  can(permission: PermissionKey): boolean;
};

export type Authorization =
  | { ok: true; context: AccessContext }
  | { ok: false; failure: "signed-out" | "not-found" | "forbidden" | "closed" };

export type AccessOptions = {
  // Only the account settings page and reopening work on a closed account.
  allowClosed?: boolean;
};

/**
 * Account (by slug) → the signed-in caller's active membership in it or in its
 * network → effective permissions and data filter.
 */
export async function accessContextFor(
  session: CurrentSession,
  accountSlug: string,
): Promise<AccessContext | "not-found"> {
  if (!isAccountSlug(accountSlug)) return "not-found";
  const access = await findAccountAccess(session.user.id, accountSlug);
  if (!access || closedAccountRefuses(access)) return "not-found";
  const isHolder = access.account.holderUserId === session.user.id;
  const permissions = permissionsOfAccess(access, session.user.id);
  return {
    ...access,
    session,
    permissions,
    isHolder,
    reportScope: reportScopeFor(access.role, access.dataFilter),
    closed: access.account.closedAt !== null,
    can: (permission) => permissions.has(permission),
  };
}

// Cached per request, so the layout, the page and an action share one lookup.
const resolveAccess = cache(async (accountSlug: string): Promise<AccessContext | "signed-out" | "not-found"> => {
  const session = await getSession();
  return session ? accessContextFor(session, accountSlug) : "signed-out";
});

/**
 * The one authorization check, for callers that answer failures themselves
 * (the action wrapper, route handlers). A caller who cannot reach the account
 * gets not-found, never a hint that it exists; forbidden only once they can.
 */
export async function checkAccess(
  accountSlug: string,
  permission?: PermissionKey,
  { allowClosed = false }: AccessOptions = {},
): Promise<Authorization> {
  const resolved = await resolveAccess(accountSlug);
  if (resolved === "signed-out" || resolved === "not-found") return { ok: false, failure: resolved };
  if (resolved.closed && !allowClosed) return { ok: false, failure: "closed" };
  if (permission && !resolved.can(permission)) return { ok: false, failure: "forbidden" };
  return { ok: true, context: resolved };
}

/**
 * For pages and layouts: the access context, or the matching interruption —
 * sign-in for a signed-out visitor, 404 for an unreachable account, 403 for a
 * missing permission.
 */
export async function authorize(
  accountSlug: string,
  permission?: PermissionKey,
  options?: AccessOptions,
): Promise<AccessContext> {
  const result = await checkAccess(accountSlug, permission, options);
  if (result.ok) return result.context;
  if (result.failure === "signed-out") redirect("/sign-in");
  if (result.failure === "not-found") notFound();
  // A network Super User on a closed account's page: its settings offer reopening.
  if (result.failure === "closed") redirect(`/a/${accountSlug}/settings/account`);
  forbidden();
}
