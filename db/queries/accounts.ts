import { and, asc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import { db } from "../client";
import { preparedStatement } from "../prepared";
import { accounts, memberships, users, type Account, type AccountType, type Membership } from "../schema";
import { pickReachingMembership } from "@/lib/authz/reaching-membership";
import type { Role } from "@/lib/authz/roles";

export type AccountAccess = {
  account: Pick<Account, "id" | "name" | "slug" | "type" | "parentId" | "products" | "holderUserId" | "closedAt" | "twoFactorRequired">;
  role: Role;
  licenses: Account["products"];
  overrides: Membership["overrides"];
  dataFilter: Membership["dataFilter"];
  membershipId: string;
  // "direct": a membership in this account; "network": one in its parent network.
  via: "direct" | "network";
  // The user's current session version, so the proxy can refuse a stale token in the same query.
  sessionVersion: number;
};

// One prepared query answers "may this user reach this account, and as what?":
// a membership in the account itself or in its parent network.
const accountAccessStatement = preparedStatement((database) =>
  database
    .select({
      id: accounts.id,
      name: accounts.name,
      slug: accounts.slug,
      type: accounts.type,
      parentId: accounts.parentId,
      products: accounts.products,
      holderUserId: accounts.holderUserId,
      closedAt: accounts.closedAt,
      twoFactorRequired: accounts.twoFactorRequired,
      membershipId: memberships.id,
      membershipAccountId: memberships.accountId,
      role: memberships.role,
      licenses: memberships.licenses,
      overrides: memberships.overrides,
      dataFilter: memberships.dataFilter,
      sessionVersion: users.sessionVersion,
    })
    .from(accounts)
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, sql.placeholder("userId")),
        eq(memberships.status, "active"),
        or(eq(memberships.accountId, accounts.id), eq(memberships.accountId, accounts.parentId)),
      ),
    )
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(accounts.slug, sql.placeholder("slug")))
    .limit(2)
    .prepare("account_access"),
);

/** The caller's access to an account, or undefined when they cannot reach it (see pickReachingMembership). */
export async function findAccountAccess(userId: string, slug: string): Promise<AccountAccess | undefined> {
  const rows = await accountAccessStatement().execute({ userId, slug });
  const row = pickReachingMembership(rows, (r) => r.membershipAccountId === r.id);
  if (!row) return undefined;
  return {
    account: {
      id: row.id,
      name: row.name,
      slug: row.slug,
      type: row.type,
      parentId: row.parentId,
      products: row.products,
      holderUserId: row.holderUserId,
      closedAt: row.closedAt,
      twoFactorRequired: row.twoFactorRequired,
    },
    role: row.role,
    licenses: row.licenses,
    overrides: row.overrides,
    dataFilter: row.dataFilter,
    membershipId: row.membershipId,
    via: row.membershipAccountId === row.id ? "direct" : "network",
    sessionVersion: row.sessionVersion,
  };
}

/** The account a user lands on after signing in: a network first, then by name. */
export async function findHomeAccountSlug(userId: string): Promise<string | undefined> {
  const [row] = await db()
    .select({ slug: accounts.slug })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active"), isNull(accounts.closedAt)))
    .orderBy(asc(accounts.type), asc(accounts.name))
    .limit(1);
  return row?.slug;
}

export type SwitcherAccount = Pick<Account, "id" | "name" | "slug" | "type">;
export type SwitcherGroup = { type: AccountType; accounts: SwitcherAccount[]; hasMore: boolean };

export const SWITCHER_GROUP_LIMIT = 25;
export const SWITCHER_QUERY_MAX_LENGTH = 100;

function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const CHILD_TYPES = ["advertiser", "publisher", "profile"] as const satisfies AccountType[];

// The same order as `lower(name) collate "C"`: ASCII letters folded, then code units.
const sortKey = (account: SwitcherAccount) => account.name.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
function byName(a: SwitcherAccount, b: SwitcherAccount): number {
  const [left, right] = [sortKey(a), sortKey(b)];
  if (left !== right) return left < right ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Accounts a user reaches, grouped by type (network, advertisers, publishers,
 * profiles), at most `limit` per group; a search narrows by name or slug.
 * Each group of a network's children is one ordered, limited index scan
 * (accounts_children_by_name_idx), so opening the switcher costs the same for
 * a network of ten accounts or of a hundred thousand.
 */
export async function listReachableAccounts(
  userId: string,
  { search = "", limit = SWITCHER_GROUP_LIMIT }: { search?: string; limit?: number } = {},
): Promise<SwitcherGroup[]> {
  const database = db();
  const term = search.trim().slice(0, SWITCHER_QUERY_MAX_LENGTH);
  const pattern = `%${escapeLikePattern(term)}%`;
  const matchesSearch = term ? or(ilike(accounts.name, pattern), ilike(accounts.slug, pattern)) : undefined;
  const columns = { id: accounts.id, name: accounts.name, slug: accounts.slug, type: accounts.type };

  // The accounts a person is a member of: a handful, whatever the network's size.
  const direct = await database
    .select(columns)
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active"), isNull(accounts.closedAt), matchesSearch));
  const networkIds = (
    await database
      .select({ id: accounts.id })
      .from(memberships)
      .innerJoin(accounts, eq(accounts.id, memberships.accountId))
      .where(and(eq(memberships.userId, userId), eq(memberships.status, "active"), eq(accounts.type, "network")))
  ).map((row) => row.id);

  const childPages = networkIds.length
    ? await Promise.all(
        CHILD_TYPES.map((type) =>
          database
            .select(columns)
            .from(accounts)
            .where(and(inArray(accounts.parentId, networkIds), eq(accounts.type, type), matchesSearch))
            .orderBy(sql`lower(${accounts.name}) collate "C"`, accounts.id)
            .limit(limit + 1),
        ),
      )
    : [];

  const byType = new Map<AccountType, Map<string, SwitcherAccount>>();
  for (const account of [...direct, ...childPages.flat()]) {
    const group = byType.get(account.type) ?? new Map<string, SwitcherAccount>();
    group.set(account.id, account);
    byType.set(account.type, group);
  }
  return (["network", ...CHILD_TYPES] as const)
    .filter((type) => byType.has(type))
    .map((type) => {
      const sorted = [...byType.get(type)!.values()].sort(byName);
      return { type, accounts: sorted.slice(0, limit), hasMore: sorted.length > limit };
    });
}

/** How many advertiser, publisher and profile accounts a network has. */
export async function countChildAccounts(networkId: string): Promise<Partial<Record<AccountType, number>>> {
  const rows = await db()
    .select({ type: accounts.type, count: sql<number>`count(*)`.mapWith(Number) })
    .from(accounts)
    .where(eq(accounts.parentId, networkId))
    .groupBy(accounts.type);
  return Object.fromEntries(rows.map((row) => [row.type, row.count]));
}

export async function findAccountById(accountId: string): Promise<Account | undefined> {
  const [row] = await db().select().from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return row;
}

/** Account names by id, for lists that name where something happened. */
export async function listAccountNames(accountIds: string[]): Promise<Map<string, string>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db().select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, accountIds));
  return new Map(rows.map((row) => [row.id, row.name]));
}
