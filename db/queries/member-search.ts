import { and, sql, type SQL } from "drizzle-orm";
import type { MembersQuery } from "@/lib/validation/members-query";
import { memberships } from "../schema";
import { searchTrigrams } from "./member-search-trigrams";
import {
  afterCursor,
  containing,
  filterCondition,
  filtersCondition,
  isLongTerm,
  m,
  orderOf,
  positionCondition,
  SORTS,
  startingWith,
  walkPart,
  type ScopePart,
  type Sort,
} from "./member-paging";

/**
 * How far a search walks before it asks the token index, and how many matches
 * the index may bring back before walking is judged the cheaper way after
 * all. Tests make them small, so every route is taken on a small account.
 */
export type SearchTuning = { window: number; cap: number };
export const SEARCH_TUNING: SearchTuning = { window: 2_000, cap: 2_000 };

type SearchQuery = Partial<MembersQuery> & { q: string };

/**
 * One part's first `take` matches for a search, as a subquery of membership
 * ids (the caller orders them), taking the cheapest of three routes:
 *
 * 1. Walk the first `window` members in sort order (after the cursor). A term
 *    that common (most terms in a small or mid-size account; "smith" or
 *    "example" anywhere) fills the page there.
 * 2. Otherwise the matches are few, or bunched further along. A match at the
 *    start of the name ("maria gar", "sara", "john s": what people type) is a
 *    range of the name index, read in order; any other match carries the
 *    term's trigrams in the per-account token index (member-search-trigrams).
 *    Both are read, sorted and cut to a page, unless either brings more than
 *    `cap`: such a term is common after all, and sorting them all costs more
 *    than walking to them.
 * 3. Walk the whole part (it stops at the first `take` matches). A part
 *    shorter than the window goes straight here.
 *
 * All in one statement: each route runs only when the ones before it could
 * not answer (a CASE decides, and each route's branch is gated on it), so a
 * search costs one round trip, as a page without one does. Route 2's cost
 * grows with the term's matches in this account, never with other accounts'.
 */
export function searchPart(part: ScopePart, sort: Sort, query: SearchQuery, take: number, tuning = SEARCH_TUNING): SQL {
  const trigrams = searchTrigrams(query.q.toLowerCase());
  const { key } = SORTS[sort];
  const order = orderOf(sort);
  const walked = and(part.condition, afterCursor(sort, query.after));
  const withinWindow = positionCondition(sort, sql`"bound".value`, sql`"bound".id`, "through");
  const indexed = trigrams.length > 0 ? indexedRoute(part, sort, query, take, tuning.cap, trigrams) : undefined;
  return sql`(with "bound" as materialized (
      select (${key})::text as value, "m".id from ${memberships} "m"
      where ${walked} order by ${order} offset ${tuning.window - 1} limit 1),
    "windowed" as materialized (
      select "w".id from "bound" cross join lateral (select "m".id from ${memberships} "m"
        where ${and(walked, withinWindow, filterCondition(query))} order by ${order} limit ${take}) "w"),
    ${indexed?.ctes ?? sql``}
    "route" as materialized (select case
      when not exists (select 1 from "bound") then 3
      when (select count(*) from "windowed") >= ${take} then 1
      ${indexed ? sql`when ${indexed.fits} then 2` : sql``}
      else 3 end as number)
    select id from "windowed" where (select number from "route") = 1
    ${indexed ? sql`union all (select "m".id from ${indexed.page} "m" where (select number from "route") = 2 order by ${order} limit ${take})` : sql``}
    union all (select "m".id from ${walkPart(part, sort, query, take)} "m" where (select number from "route") = 3))`;
}

// The token index's expression, exactly as migration 0011 declares it.
const membershipTokens = sql`member_search_hash(${m.accountId}, show_trgm(${m.sortEmail} || ' ' || substr(${m.sortName}, 2)))`;

function tokensOf(accountId: string, trigrams: string[]): SQL {
  return sql`member_search_hash(${accountId}::uuid, array[${sql.join(
    trigrams.map((trigram) => sql`${trigram}`),
    sql`, `,
  )}]::text[])`;
}

/** A match anywhere but at the start of the name: what the token index holds. */
function elsewhereCondition(term: string): SQL {
  if (isLongTerm(term)) {
    const inName = sql`substr(${m.sortName}, 2) like ${containing(term)}`;
    return term.includes(" ") ? inName : sql`(${m.sortEmail} like ${containing(term)} or ${inName})`;
  }
  return sql`(${m.sortEmail} like ${startingWith(term)} or ${m.sortName} like ${`% ${startingWith(term)}`})`;
}

/**
 * Route 2's parts: the name-start matches (a range of the name index) and the
 * others (the token index), each read at most `cap + 1` deep; whether both
 * fit under the cap; and their union, to be sorted into a page.
 */
function indexedRoute(part: ScopePart, sort: Sort, query: SearchQuery, take: number, cap: number, trigrams: string[]) {
  const common = and(part.condition, afterCursor(sort, query.after), filtersCondition(query));
  const column = SORTS[sort].column;
  // In name order the name-start range holds its matches in page order already.
  const startLimit = sort === "name" ? take : cap + 1;
  return {
    ctes: sql`"elsewhere" as materialized (
        select "m".id, ${column} from ${memberships} "m"
        where ${membershipTokens} @> ${tokensOf(part.accountId, trigrams)} and ${and(common, elsewhereCondition(query.q))}
        limit ${cap + 1}),
      "start" as materialized (
        select "m".id, ${column} from ${memberships} "m"
        where ${m.sortName} collate "C" like ${startingWith(query.q)} and ${common}
        order by ${orderOf(sort)} limit ${startLimit}),`,
    fits: sql`(select count(*) from "elsewhere") <= ${cap} and (select count(*) from "start") <= ${cap}`,
    page: sql`(select * from "elsewhere" union select * from "start")`,
  };
}
