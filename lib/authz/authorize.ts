import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { findAccountAccess, type AccountAccess } from "@/db/queries/accounts";
import { getSession, type CurrentSession } from "@/lib/auth/session";
import { isAccountSlug } from "@/lib/validation/ids";

export type AuthorizedAccount = AccountAccess & { session: CurrentSession };

/**
 * The one entry point for account-scoped access: session → account (by slug)
 * → the caller's active membership in it or in its network. Signed-out
 * callers go to sign-in; an account the caller cannot reach is not found —
 * never a hint that it exists. Cached per request.
 *
 * Permission checks join here with the access model (role × license ×
 * per-user overrides); until then reaching the account is the whole check.
 */
export const authorize = cache(async (accountSlug: string): Promise<AuthorizedAccount> => {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  if (!isAccountSlug(accountSlug)) notFound();
  const access = await findAccountAccess(session.user.id, accountSlug);
  if (!access) notFound();
  return { ...access, session };
});
