import { and, eq, not, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { MemberCursor, MembersQuery, MemberStatusFilter } from "@/lib/validation/members-query";
import { invitations, memberships, type Account } from "../schema";

// The users table's building blocks, shared by the plain page (members.ts) and
// the search strategies (member-search.ts). Every query reads memberships as
// "m", whether the table itself or a page cut from it, so they select alike.

export type Scope = Pick<Account, "id" | "parentId">;
export type Sort = MembersQuery["sort"];

export const m = alias(memberships, "m");

/** One account's share of a scope: its memberships that count, read as one ordered walk. */
export type ScopePart = { accountId: string; condition: SQL };

/**
 * Who counts as a member of an account: all of its own memberships and, for a
 * child account, its network's active ones (those reach it; an invited or
 * deactivated network member does not). Per account, so a page can run one
 * ordered query for each. The list and the detail view both take their scope
 * from here, so a member you can open is one you can see listed.
 */
export function scopeParts(account: Scope): ScopePart[] {
  const own = { accountId: account.id, condition: eq(m.accountId, account.id) };
  if (!account.parentId) return [own];
  return [own, { accountId: account.parentId, condition: and(eq(m.accountId, account.parentId), eq(m.status, "active"))! }];
}

export function inScope(account: Scope): SQL {
  return or(...scopeParts(account).map((part) => part.condition))!;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export const isLongTerm = (term: string) => term.length >= 3;
export const containing = (term: string) => `%${escapeLike(term.toLowerCase())}%`;
export const startingWith = (term: string) => `${escapeLike(term.toLowerCase())}%`;

/**
 * Terms of 3+ characters match anywhere in the email or the name; 1–2
 * characters match the start of the email, the name or a word of the name.
 * Tested on the membership's copies of the person's email and lower-cased
 * name, so a walk through the account's memberships in sort order tests each
 * row without reading its person. A term with a space cannot be in an email
 * (addresses have none), so only the name is tested for it.
 */
export function searchCondition(term: string): SQL {
  if (isLongTerm(term)) {
    const inName = sql`${m.sortName} like ${containing(term)}`;
    return term.includes(" ") ? inName : sql`(${m.sortEmail} like ${containing(term)} or ${inName})`;
  }
  const start = startingWith(term);
  return sql`(${m.sortEmail} like ${start} or ${m.sortName} like ${start} or ${m.sortName} like ${`% ${start}`})`;
}

// A pending invitation still counts as "invited" while its open link works.
const openInvitation = sql`exists (select 1 from ${invitations} where ${invitations.membershipId} = ${m.id}
  and ${invitations.endedAt} is null and ${invitations.expiresAt} > now())`;

function statusCondition(status: MemberStatusFilter): SQL {
  if (status === "invited") return and(eq(m.status, "invited"), openInvitation)!;
  if (status === "expired") return and(eq(m.status, "invited"), not(openInvitation))!;
  return eq(m.status, status);
}

/** The role, license and status filters, without the search. */
export function filtersCondition(query: Partial<MembersQuery>): SQL | undefined {
  return and(
    query.role ? eq(m.role, query.role) : undefined,
    query.license ? sql`${query.license}::product = any(${m.licenses})` : undefined,
    query.status ? statusCondition(query.status) : undefined,
  );
}

export function filterCondition(query: Partial<MembersQuery>): SQL | undefined {
  return and(query.q ? searchCondition(query.q) : undefined, filtersCondition(query));
}

// Each sort: the column it orders by, that column as the key (collated where
// text, and as text it is the cursor's value), the type the cursor's text is
// read back as, and the direction. Each has an index (account_id, key, id,
// …), so a walk is an ordered index scan that stops early.
export const SORTS = {
  name: { column: m.sortName, key: sql`${m.sortName} collate "C"`, type: sql`text`, descending: false },
  email: { column: m.sortEmail, key: sql`${m.sortEmail} collate "C"`, type: sql`text`, descending: false },
  role: { column: m.role, key: sql`${m.role}`, type: sql`role`, descending: true },
  last_sign_in: { column: m.sortLastSignIn, key: sql`${m.sortLastSignIn}`, type: sql`timestamptz`, descending: true },
} as const;

export function orderOf(sort: Sort): SQL {
  const { key, descending } = SORTS[sort];
  return descending ? sql`${key} desc, ${m.id} desc` : sql`${key}, ${m.id}`;
}

/**
 * Rows past a position in the sort's order (a sort key as text and a
 * membership id, as values or as SQL); with "through", the rows up to and
 * including it instead.
 */
export function positionCondition(sort: Sort, value: SQL, membershipId: SQL, side: "after" | "through"): SQL {
  const { key, type, descending } = SORTS[sort];
  const row = sql`(${key}, ${m.id})`;
  const at = sql`(${value}::${type}, ${membershipId}::uuid)`;
  if (side === "after") return descending ? sql`${row} < ${at}` : sql`${row} > ${at}`;
  return descending ? sql`${row} >= ${at}` : sql`${row} <= ${at}`;
}

export function afterCursor(sort: Sort, cursor: MemberCursor | undefined): SQL {
  return cursor ? positionCondition(sort, sql`${cursor.value}`, sql`${cursor.membershipId}`, "after") : sql`true`;
}

/**
 * One part's first `limit` matches as one ordered walk, filters inline. For
 * common terms and filters the planner walks the sort index, testing rows as
 * it meets them and stopping once the page is full, so they cost about what
 * no filter costs; a search alone is tested on the index entries (they carry
 * the email and name), without reading the table. For a rare role or status
 * the planner reads that index and sorts the few instead: the columns'
 * statistics tell it which is which.
 */
export function walkPart(part: ScopePart, sort: Sort, query: Partial<MembersQuery>, limit: number, extra?: SQL): SQL {
  return sql`(select "m".id, ${SORTS[sort].column} from ${memberships} "m"
    where ${and(part.condition, afterCursor(sort, query.after), filterCondition(query), extra)}
    order by ${orderOf(sort)} limit ${limit})`;
}

/** The first `limit` rows of several parts' walks, merged in sort order. */
export function mergedPage(walks: SQL[], sort: Sort, limit: number): SQL {
  return sql`(select "m".id from (${sql.join(walks, sql` union all `)}) "m" order by ${orderOf(sort)} limit ${limit})`;
}
