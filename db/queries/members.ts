import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { MemberCursor, MembersQuery } from "@/lib/validation/members-query";
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
  lastSignInAt: Date | null;
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

function selectMembers(account: Pick<Account, "id" | "parentId">, sortKey: SQL = sql`''`) {
  return db()
    .select({
      // The sort key as the database sees it, so a cursor continues exactly where the page ended.
      sortKey: sql<string>`(${sortKey})::text`,
      membershipId: memberships.id,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      licenses: memberships.licenses,
      status: memberships.status,
      lastSignInAt: users.lastSignInAt,
      viaAccountName: sql<string | null>`case when ${memberships.accountId} = ${account.id} then null else ${accounts.name} end`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(accounts, eq(accounts.id, memberships.accountId));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Terms of 3+ characters match anywhere in the email or name (trigram index);
 * 1–2 characters match the start of the email, the name or a word of the name.
 */
export function searchCondition(term: string): SQL {
  const lowered = escapeLike(term.toLowerCase());
  if (term.length >= 3) return sql`${users.searchText} like ${`%${lowered}%`}`;
  return or(
    sql`${users.email} like ${`${lowered}%`}`,
    sql`lower(${users.name}) like ${`${lowered}%`}`,
    sql`lower(${users.name}) like ${`% ${lowered}%`}`,
  )!;
}

// Each sort: the key it orders by (as text, for the cursor), and its direction.
const SORTS = {
  name: { key: sql`lower(${users.name}) collate "C"`, descending: false },
  email: { key: sql`${users.email} collate "C"`, descending: false },
  role: { key: sql`${memberships.role}`, descending: true },
  last_sign_in: { key: sql`coalesce(${users.lastSignInAt}, '-infinity'::timestamptz)`, descending: true },
} as const;

function afterCursor(sort: MembersQuery["sort"], cursor: MemberCursor): SQL {
  const { key, descending } = SORTS[sort];
  const value =
    sort === "role" ? sql`${cursor.value}::role` : sort === "last_sign_in" ? sql`${cursor.value}::timestamptz` : sql`${cursor.value}`;
  return descending
    ? sql`(${key}, ${memberships.id}) < (${value}, ${cursor.membershipId}::uuid)`
    : sql`(${key}, ${memberships.id}) > (${value}, ${cursor.membershipId}::uuid)`;
}

/** A page of an account's members: searched, filtered and sorted as the users table's URL says. */
export async function listMembers(
  account: Pick<Account, "id" | "parentId">,
  query: Partial<MembersQuery> = {},
  limit = 50,
): Promise<{ rows: MemberRow[]; next?: MemberCursor }> {
  const sort = query.sort ?? "name";
  const { key, descending } = SORTS[sort];
  const rows = await selectMembers(account, key)
    .where(
      and(
        memberOf(account),
        query.q ? searchCondition(query.q) : undefined,
        query.role ? eq(memberships.role, query.role) : undefined,
        query.license ? sql`${query.license}::product = any(${memberships.licenses})` : undefined,
        query.status ? eq(memberships.status, query.status) : undefined,
        query.after ? afterCursor(sort, query.after) : undefined,
      ),
    )
    .orderBy(descending ? sql`${key} desc` : key, descending ? sql`${memberships.id} desc` : memberships.id)
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(({ sortKey: _sortKey, ...row }) => row);
  const last = rows[limit - 1];
  return {
    rows: page,
    next: rows.length > limit && last ? { value: last.sortKey, membershipId: last.membershipId } : undefined,
  };
}

/** One member of the account, or undefined for anyone the list would not show. */
export async function findMember(account: Pick<Account, "id" | "parentId">, membershipId: string): Promise<MemberRow | undefined> {
  const [row] = await selectMembers(account).where(and(memberOf(account), eq(memberships.id, membershipId))).limit(1);
  if (!row) return undefined;
  const { sortKey: _sortKey, ...member } = row;
  return member;
}
