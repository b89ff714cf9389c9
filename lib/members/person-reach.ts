import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { findAccountAccess } from "@/db/queries/accounts";
import { accounts, memberships } from "@/db/schema";
import { permissionsOfAccess } from "@/lib/authz/access-permissions";

/**
 * Whether an admin may act on a person as a whole (change their email, reset
 * their password or 2FA, sign them out everywhere): only when the admin can
 * edit users in every account where that person has a membership. So an
 * advertiser's admin can never take over a network user.
 */
export async function adminReachCoversPerson(adminUserId: string, personUserId: string): Promise<boolean> {
  const personAccounts = await db()
    .select({ slug: accounts.slug })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(eq(memberships.userId, personUserId));
  if (personAccounts.length === 0) return false;
  for (const { slug } of personAccounts) {
    const access = await findAccountAccess(adminUserId, slug);
    if (!access) return false;
    if (!permissionsOfAccess(access, adminUserId).has("users.edit")) return false;
  }
  return true;
}
