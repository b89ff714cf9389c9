import { and, eq, sql, type SQL } from "drizzle-orm";
import type { MemberCursor, MembersQuery } from "@/lib/validation/members-query";
import { db } from "../client";
import { accounts, invitations, memberships, users } from "../schema";
import { inScope, m, mergedPage, orderOf, scopeParts, SORTS, walkPart, type Scope, type Sort } from "./member-paging";
import { searchPart, type SearchTuning } from "./member-search";

export type MemberRow = {
  membershipId: string;
  // The account the membership belongs to: this one, or its network's.
  accountId: string;
  userId: string;
  email: string;
  name: string;
  role: (typeof memberships.$inferSelect)["role"];
  licenses: (typeof memberships.$inferSelect)["licenses"];
  status: (typeof memberships.$inferSelect)["status"];
  // The membership's optimistic-concurrency version, for edit forms to send back.
  version: number;
  lastSignInAt: Date | null;
  twoFactorEnabled: boolean;
  // When the open invitation link runs out (maybe already past). Null unless the
  // status is "invited", and for an invitation whose link was ended without a new one.
  inviteExpiresAt: Date | null;
  // Set when the person reaches this account through its network: shown, not editable here.
  viaAccountName: string | null;
};

function memberFields(account: Scope) {
  return {
    membershipId: m.id,
    accountId: m.accountId,
    userId: users.id,
    email: users.email,
    // Until acceptance the row shows the invitation, not the person: someone
    // who already has a login elsewhere keeps their name and habits private.
    name: sql<string>`case when ${m.status} = 'invited' then coalesce(${invitations.name}, ${users.email}) else ${users.name} end`,
    role: m.role,
    licenses: m.licenses,
    status: m.status,
    version: m.version,
    lastSignInAt: sql<Date | null>`case when ${m.status} = 'invited' then null else ${users.lastSignInAt} end`.mapWith(users.lastSignInAt),
    twoFactorEnabled: sql<boolean>`${m.status} <> 'invited' and ${users.twoFactorEnabledAt} is not null`,
    inviteExpiresAt: sql<Date | null>`case when ${m.status} = 'invited' then ${invitations.expiresAt} end`.mapWith(invitations.expiresAt),
    viaAccountName: sql<string | null>`case when ${m.accountId} = ${account.id} then null else ${accounts.name} end`,
  };
}

/**
 * Members with what the table shows of them. With a `page` (memberships ids in
 * a subquery named "page"), only those: the page decides which rows, in which
 * order; this reads them.
 */
function selectMembers<Extra extends Record<string, SQL>>(account: Scope, extra: Extra, page?: SQL) {
  const query = db().select({ ...memberFields(account), ...extra }).from(m).$dynamic();
  return (page ? query.innerJoin(sql`${page} "page"`, sql`"page".id = ${m.id}`) : query)
    .innerJoin(users, eq(users.id, m.userId))
    .innerJoin(accounts, eq(accounts.id, m.accountId))
    .leftJoin(invitations, and(eq(invitations.membershipId, m.id), sql`${invitations.endedAt} is null`));
}

async function readPage(account: Scope, sort: Sort, page: SQL) {
  // The sort key as the database sees it, so a cursor continues exactly where the page ended.
  const sortKey = sql<string>`(${SORTS[sort].key})::text`;
  return selectMembers(account, { sortKey }, page).orderBy(orderOf(sort));
}

async function pageRows(account: Scope, sort: Sort, query: Partial<MembersQuery>, take: number, tuning?: SearchTuning) {
  const parts = scopeParts(account);
  const { q } = query;
  if (!q) return readPage(account, sort, mergedPage(parts.map((part) => walkPart(part, sort, query, take)), sort, take));
  // A search takes its own route through each part; their matches are merged here.
  const found = sql.join(
    parts.map((part) => searchPart(part, sort, { ...query, q }, take, tuning)),
    sql` union all `,
  );
  return readPage(account, sort, sql`(select "m".id from ${memberships} "m" where "m".id in (${found}) order by ${orderOf(sort)} limit ${take})`);
}

/**
 * A page of an account's members: searched, filtered and sorted as the users
 * table's URL says. Runs unprepared (Drizzle prepares only on .prepare()), so
 * each search is planned for its own term, never with a generic plan.
 */
export async function listMembers(
  account: Scope,
  query: Partial<MembersQuery> = {},
  limit = 50,
  tuning?: SearchTuning,
): Promise<{ rows: MemberRow[]; next?: MemberCursor }> {
  const sort = query.sort ?? "name";
  const rows = await pageRows(account, sort, query, limit + 1, tuning);
  const page = rows.slice(0, limit).map(({ sortKey: _sortKey, ...row }) => row);
  const last = rows[limit - 1];
  return {
    rows: page,
    next: rows.length > limit && last ? { value: last.sortKey, membershipId: last.membershipId } : undefined,
  };
}

/** One member of the account, or undefined for anyone the list would not show. */
export async function findMember(account: Scope, membershipId: string): Promise<MemberRow | undefined> {
  const [member] = await selectMembers(account, {}).where(and(inScope(account), eq(m.id, membershipId))).limit(1);
  return member;
}
