import { and, asc, eq, gt, or, sql, type SQL } from "drizzle-orm";
import { db } from "../client";
import { accounts, memberships, users, type Account } from "../schema";

export type MemberRow = {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  role: (typeof memberships.$inferSelect)["role"];
  licenses: (typeof memberships.$inferSelect)["licenses"];
  status: (typeof memberships.$inferSelect)["status"];
  // Set when the person reaches this account through its network: shown, not editable here.
  viaAccountName: string | null;
};

/**
 * Who counts as a member of an account: its own memberships and, for a child
 * account, its network's. The list and the detail view both filter with this
 * one condition, so a member you can open is one you can see listed.
 */
function memberOf(account: Pick<Account, "id" | "parentId">): SQL {
  return account.parentId
    ? or(eq(memberships.accountId, account.id), eq(memberships.accountId, account.parentId))!
    : eq(memberships.accountId, account.id);
}

function selectMembers(account: Pick<Account, "id" | "parentId">) {
  return db()
    .select({
      membershipId: memberships.id,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      licenses: memberships.licenses,
      status: memberships.status,
      viaAccountName: sql<string | null>`case when ${memberships.accountId} = ${account.id} then null else ${accounts.name} end`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(accounts, eq(accounts.id, memberships.accountId));
}

export type MemberCursor = { email: string; membershipId: string };

/** A page of an account's members by email (keyset), the users table's data. */
export async function listMembers(
  account: Pick<Account, "id" | "parentId">,
  { after, limit = 50 }: { after?: MemberCursor; limit?: number } = {},
): Promise<MemberRow[]> {
  return selectMembers(account)
    .where(
      and(
        memberOf(account),
        after
          ? or(gt(users.email, after.email), and(eq(users.email, after.email), gt(memberships.id, after.membershipId)))
          : undefined,
      ),
    )
    .orderBy(asc(users.email), asc(memberships.id))
    .limit(limit);
}

/** One member of the account, or undefined for anyone the list would not show. */
export async function findMember(account: Pick<Account, "id" | "parentId">, membershipId: string): Promise<MemberRow | undefined> {
  const [row] = await selectMembers(account).where(and(memberOf(account), eq(memberships.id, membershipId))).limit(1);
  return row;
}
