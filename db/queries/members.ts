import { and, eq, not, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { MemberCursor, MembersQuery, MemberStatusFilter } from "@/lib/validation/members-query";
import { db } from "../client";
import { accounts, invitations, memberships, users, type Account } from "../schema";

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

type Scope = Pick<Account, "id" | "parentId">;

/**
 * Who counts as a member of an account: all of its own memberships and, for a
 * child account, its network's active ones (those reach it; an invited or
 * deactivated network member does not). Per account, so a page can run one
 * ordered query for each. The list and the detail view both take their scope
 * from here, so a member you can open is one you can see listed.
 */
function scopeParts(account: Scope): SQL[] {
  const own = eq(m.accountId, account.id);
  return account.parentId ? [own, and(eq(m.accountId, account.parentId), eq(m.status, "active"))!] : [own];
}

function inScope(account: Scope): SQL {
  return or(...scopeParts(account))!;
}

// Every query below reads memberships as "m", whether the table itself or a
// page cut from it, so the list and the detail view select members alike.
const m = alias(memberships, "m");

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

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const isLongTerm = (term: string) => term.length >= 3;
const containing = (term: string) => `%${escapeLike(term.toLowerCase())}%`;

/**
 * Terms of 3+ characters match anywhere in the email or the name; 1–2
 * characters match the start of the email, the name or a word of the name.
 * Tested on the membership's copies of the person's email and lower-cased
 * name, so a walk through the account's memberships in sort order tests each
 * row without reading its person, and the planner estimates the match from
 * those columns' statistics.
 */
function searchCondition(term: string): SQL {
  if (isLongTerm(term)) return sql`(${m.sortEmail} like ${containing(term)} or ${m.sortName} like ${containing(term)})`;
  const start = `${escapeLike(term.toLowerCase())}%`;
  return sql`(${m.sortEmail} like ${start} or ${m.sortName} like ${start} or ${m.sortName} like ${`% ${start}`})`;
}

// A 3+ character match as the trigram index on users finds it (search_text
// holds the email and the name): the way to a rare term's few people. Short
// terms never use it: they hit too many trigrams (docs/architecture.md).
const trigramMatch = (term: string) => sql`${users.searchText} like ${containing(term)}`;

// People (in any account) a term may match and still count as rare.
const RARE_TERM_PEOPLE = 200;

/**
 * Whether so few people match that reading them beats walking the account.
 * Asking costs little either way: a rare term is a short trigram index
 * lookup, a common one a short scan that stops at the limit.
 */
async function isRareTerm(term: string): Promise<boolean> {
  const people = await db().select({ id: users.id }).from(users).where(trigramMatch(term)).limit(RARE_TERM_PEOPLE + 1);
  return people.length <= RARE_TERM_PEOPLE;
}

// A pending invitation still counts as "invited" while its open link works.
const openInvitation = sql`exists (select 1 from ${invitations} where ${invitations.membershipId} = ${m.id}
  and ${invitations.endedAt} is null and ${invitations.expiresAt} > now())`;

function statusCondition(status: MemberStatusFilter): SQL {
  if (status === "invited") return and(eq(m.status, "invited"), openInvitation)!;
  if (status === "expired") return and(eq(m.status, "invited"), not(openInvitation))!;
  return eq(m.status, status);
}

function filterCondition(query: Partial<MembersQuery>): SQL | undefined {
  return and(
    query.q ? searchCondition(query.q) : undefined,
    query.role ? eq(m.role, query.role) : undefined,
    query.license ? sql`${query.license}::product = any(${m.licenses})` : undefined,
    query.status ? statusCondition(query.status) : undefined,
  );
}

// Each sort: the column it orders by, that column as the key (collated where
// text, and as text it is the cursor's value), the type the cursor's text is
// read back as, and the direction. Each has an index (account_id, key, id,
// …), so a walk is an ordered index scan that stops early.
const SORTS = {
  name: { column: m.sortName, key: sql`${m.sortName} collate "C"`, type: sql`text`, descending: false },
  email: { column: m.sortEmail, key: sql`${m.sortEmail} collate "C"`, type: sql`text`, descending: false },
  role: { column: m.role, key: sql`${m.role}`, type: sql`role`, descending: true },
  last_sign_in: { column: m.sortLastSignIn, key: sql`${m.sortLastSignIn}`, type: sql`timestamptz`, descending: true },
} as const;

type Sort = MembersQuery["sort"];

function orderOf(sort: Sort): SQL {
  const { key, descending } = SORTS[sort];
  return descending ? sql`${key} desc, ${m.id} desc` : sql`${key}, ${m.id}`;
}

function afterCursor(sort: Sort, cursor: MemberCursor | undefined): SQL {
  if (!cursor) return sql`true`;
  const { key, type, descending } = SORTS[sort];
  const row = sql`(${key}, ${m.id})`;
  const after = sql`(${cursor.value}::${type}, ${cursor.membershipId}::uuid)`;
  return descending ? sql`${row} < ${after}` : sql`${row} > ${after}`;
}

/**
 * A page as one ordered query per account, filters inline. A child account
 * merges two (its own and its network's), each stopping after a page. For
 * common terms and filters the planner walks the sort index, testing rows as
 * it meets them and stopping once the page is full, so they cost about what
 * no filter costs; a search alone is tested on the index entries (they carry
 * the email and name), without reading the table. For a rare role or status
 * the planner reads that index and sorts the few instead: the columns'
 * statistics tell it which is which.
 */
function orderedPage(account: Scope, sort: Sort, query: Partial<MembersQuery>, limit: number): SQL {
  const order = orderOf(sort);
  const perAccount = scopeParts(account).map(
    (condition) => sql`(select "m".id, ${SORTS[sort].column} from ${memberships} "m"
      where ${and(condition, afterCursor(sort, query.after), filterCondition(query))}
      order by ${order} limit ${limit + 1})`,
  );
  return sql`(select "m".id from (${sql.join(perAccount, sql` union all `)}) "m" order by ${order} limit ${limit + 1})`;
}

/**
 * A page for a rare term: its few people, found through the trigram index,
 * narrowed to the account and filters, then sorted. Materialized, so the
 * planner cannot turn it back into a walk through the whole account.
 */
function rareTermPage(account: Scope, sort: Sort, query: Partial<MembersQuery> & { q: string }, limit: number): SQL {
  const common = and(searchCondition(query.q), inScope(account), afterCursor(sort, query.after), filterCondition(query));
  // The people the trigram index finds; and, apart, the account's invitations
  // (few, through the non-active index), since an invited row is matched on
  // the invitation's name, never on the person's own.
  const people = and(sql`${m.userId} in (select ${users.id} from ${users} where ${trigramMatch(query.q)})`, sql`${m.status} <> 'invited'`, common);
  const invited = and(eq(m.status, "invited"), common);
  return sql`(with "matches" as materialized (
      select "m".* from ${memberships} "m" where ${people}
      union all
      select "m".* from ${memberships} "m" where ${invited})
    select "m".id from "matches" "m" order by ${orderOf(sort)} limit ${limit + 1})`;
}

async function readPage(account: Scope, sort: Sort, page: SQL) {
  // The sort key as the database sees it, so a cursor continues exactly where the page ended.
  const sortKey = sql<string>`(${SORTS[sort].key})::text`;
  return selectMembers(account, { sortKey }, page).orderBy(orderOf(sort));
}

async function pageRows(account: Scope, sort: Sort, query: Partial<MembersQuery>, limit: number) {
  const { q } = query;
  const rare = q !== undefined && isLongTerm(q) && (await isRareTerm(q));
  return readPage(account, sort, rare ? rareTermPage(account, sort, { ...query, q }, limit) : orderedPage(account, sort, query, limit));
}

/**
 * A page of an account's members: searched, filtered and sorted as the users
 * table's URL says. Runs unprepared (Drizzle prepares only on .prepare()), so
 * each search is planned for its own term, never with a generic plan.
 */
export async function listMembers(account: Scope, query: Partial<MembersQuery> = {}, limit = 50): Promise<{ rows: MemberRow[]; next?: MemberCursor }> {
  const sort = query.sort ?? "name";
  const rows = await pageRows(account, sort, query, limit);
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
