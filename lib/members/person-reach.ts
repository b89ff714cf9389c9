import { and, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { accounts, memberships } from "@/db/schema";
import { effectivePermissions, parseOverrides } from "@/lib/authz/effective";
import { pickReachingMembership } from "@/lib/authz/reaching-membership";
import { roleRank } from "@/lib/authz/roles";

/**
 * Which of these people an admin may act on as a whole (change their email,
 * reset their password or 2FA, sign them out everywhere): those for whom, in
 * every account where the person has a membership, the admin can edit users
 * and ranks at least as high as the person there. Account holders are left to
 * themselves. So an advertiser's admin can never take over a network user, and
 * nobody can take over a higher role or a holder's powers through an email
 * change and a password reset. Two queries for a whole page of people; takes
 * the caller's transaction when there is one.
 */
export async function peopleCoveredByAdmin(adminUserId: string, personUserIds: string[], executor: Executor = db()): Promise<Set<string>> {
  if (personUserIds.length === 0) return new Set();
  const personMemberships = await executor
    .select({
      userId: memberships.userId,
      role: memberships.role,
      account: { id: accounts.id, type: accounts.type, parentId: accounts.parentId, products: accounts.products, holderUserId: accounts.holderUserId },
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(inArray(memberships.userId, [...new Set(personUserIds)]));
  const reachableIds = [...new Set(personMemberships.flatMap(({ account }) => [account.id, account.parentId ?? account.id]))];
  const adminMemberships = reachableIds.length
    ? await executor
        .select({ accountId: memberships.accountId, role: memberships.role, licenses: memberships.licenses, overrides: memberships.overrides })
        .from(memberships)
        .where(and(eq(memberships.userId, adminUserId), eq(memberships.status, "active"), inArray(memberships.accountId, reachableIds)))
    : [];

  const adminCovers = ({ userId, role, account }: (typeof personMemberships)[number]): boolean => {
    if (account.holderUserId === userId) return false;
    const reaching = pickReachingMembership(
      adminMemberships.filter((m) => m.accountId === account.id || m.accountId === account.parentId),
      (m) => m.accountId === account.id,
    );
    if (!reaching || roleRank(reaching.role) < roleRank(role)) return false;
    return effectivePermissions({
      role: reaching.role,
      licenses: reaching.licenses,
      overrides: parseOverrides(reaching.overrides),
      accountType: account.type,
      accountProducts: account.products,
      isHolder: account.holderUserId === adminUserId,
    }).has("users.edit");
  };

  const uncovered = new Set(personMemberships.filter((membership) => !adminCovers(membership)).map((m) => m.userId));
  return new Set(personMemberships.map((m) => m.userId).filter((userId) => !uncovered.has(userId)));
}

export async function adminReachCoversPerson(adminUserId: string, personUserId: string, executor: Executor = db()): Promise<boolean> {
  return (await peopleCoveredByAdmin(adminUserId, [personUserId], executor)).has(personUserId);
}
