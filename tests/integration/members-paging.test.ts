import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import type { SearchTuning } from "@/db/queries/member-search";
import { listMembers, type MemberRow } from "@/db/queries/members";
import { accounts, invitations, memberships, users, type Account } from "@/db/schema";
import { PRODUCTS, type Product } from "@/lib/authz/products";
import { ROLES, type Role } from "@/lib/authz/roles";
import { MEMBER_SORTS, MEMBER_STATUS_FILTERS, type MembersQuery } from "@/lib/validation/members-query";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();

// A network and one of its accounts, with a few hundred people whose names,
// emails, roles and sign-in times tie often. A search takes one of three
// routes (db/queries/member-search.ts); the tunings below make each of them
// the one taken on an account this small, and all must page the same way.
const PEOPLE = 320;
const FIRST = ["Ana", "ANA", "Bob", "Li", "Kim", "Al"];
const LAST = ["Smith", "smith", "Jones", "Kimura", "Lee", "Zed-Lee"];
const SIGN_INS = [null, new Date("2026-01-01T00:00:00Z"), new Date("2026-02-01T12:00:00.123456Z"), new Date("2026-03-01T00:00:00Z")];
const DAY = 86_400_000;
const TERMS = ["example", "smith", "ana", "kim", "mail", "p1", "zed-", "ana kim", "nobody", "a", "k", "ki", "sm", "p", "le", "zz", "na ki", "i le", "-", "@"];
const TUNINGS: Array<SearchTuning | undefined> = [
  undefined, // the window covers these accounts: the first walk answers
  { window: 3, cap: 1_000 }, // past the window: the name range and the token index
  { window: 3, cap: 2 }, // and when those bring too many: the whole walk
];

type Invite = "open" | "expired" | "ended";
type Expected = {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: Role;
  licenses: Product[];
  status: "active" | "deactivated" | "invited";
  invite?: Invite;
  lastSignInAt: Date | null;
};

// A small deterministic generator: the data is the same on every run and driver.
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
}

let network: Account;
let child: Account;
const expected: Expected[] = [];

beforeAll(async () => {
  const pick = generator(42);
  network = (await db().insert(accounts).values({ name: "Paging Network", slug: "paging", type: "network", products: [...PRODUCTS] }).returning())[0]!;
  child = (
    await db().insert(accounts).values({ name: "Paging Child", slug: "paging-child", type: "advertiser", parentId: network.id, products: [...PRODUCTS] }).returning()
  )[0]!;
  const [elsewhere] = await db().insert(accounts).values({ name: "Elsewhere", slug: "elsewhere", type: "network", products: [...PRODUCTS] }).returning();

  const people = await db()
    .insert(users)
    .values(
      Array.from({ length: PEOPLE }, (_, i) => ({
        email: i % 4 === 0 ? `p${i}@mail.test` : `p${i}@example.com`,
        name: `${pick(FIRST)} ${pick(LAST)}`,
        lastSignInAt: pick(SIGN_INS),
        twoFactorEnabledAt: i % 3 === 0 ? new Date() : null,
      })),
    )
    .returning();

  const rows = people.flatMap((person) => {
    const places = pick([[network.id], [child.id], [network.id, child.id], [elsewhere!.id, child.id]]);
    return places.map((accountId) => ({
      person,
      accountId,
      role: pick(ROLES),
      licenses: pick<Product[]>([["marketing"], ["contact_center"], ["marketing", "contact_center"]]),
      status: pick(["active", "active", "active", "deactivated", "invited"] as const),
      invite: pick<Invite>(["open", "expired", "ended"]),
    }));
  });
  const inserted = await db()
    .insert(memberships)
    .values(rows.map(({ person, accountId, role, licenses, status }) => ({ userId: person.id, accountId, role, licenses, status })))
    .returning({ id: memberships.id });

  const links = rows.flatMap((row, i) => {
    if (row.status !== "invited") return [];
    // Every other link names its invitee: an invited row shows and sorts by that name, else by the email.
    const base = { accountId: row.accountId, membershipId: inserted[i]!.id, email: row.person.email, name: i % 2 ? `Invited ${FIRST[i % FIRST.length]}` : null, tokenHash: `hash-${i}` };
    const expiresAt = new Date(Date.now() + (row.invite === "open" ? 3 : -3) * DAY);
    return [{ ...base, expiresAt, endedAt: row.invite === "ended" ? new Date() : null }];
  });
  await db().insert(invitations).values(links);

  const linkNames = new Map(links.map((link) => [link.membershipId, link.endedAt ? null : link.name]));
  rows.forEach((row, i) => {
    if (row.accountId === elsewhere!.id) return;
    const { person, accountId, role, licenses, status, invite } = row;
    const id = inserted[i]!.id;
    // Until acceptance the row is the invitation's, not the person's.
    const shown = status === "invited" ? { name: linkNames.get(id) ?? person.email, lastSignInAt: null, invite } : { name: person.name, lastSignInAt: person.lastSignInAt };
    expected.push({ id, accountId, email: person.email, role, licenses, status, ...shown });
  });
});

// What the users table should show, worked out here without SQL.
function matchesTerm(member: Expected, term: string): boolean {
  const [email, name, t] = [member.email, member.name.toLowerCase(), term.toLowerCase()];
  if (t.length >= 3) return email.includes(t) || name.includes(t);
  return email.startsWith(t) || name.startsWith(t) || name.includes(` ${t}`);
}

function matchesStatus(member: Expected, status: MembersQuery["status"]): boolean {
  if (status === "invited") return member.status === "invited" && member.invite === "open";
  if (status === "expired") return member.status === "invited" && member.invite !== "open";
  return member.status === status;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SORT_ORDER: Record<MembersQuery["sort"], (a: Expected, b: Expected) => number> = {
  name: (a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.id, b.id),
  email: (a, b) => byText(a.email, b.email) || byText(a.id, b.id),
  role: (a, b) => ROLES.indexOf(b.role) - ROLES.indexOf(a.role) || byText(b.id, a.id),
  last_sign_in: (a, b) => (b.lastSignInAt?.getTime() ?? -Infinity) - (a.lastSignInAt?.getTime() ?? -Infinity) || byText(b.id, a.id),
};

function expectedList(account: Account, query: Partial<MembersQuery> & { sort: MembersQuery["sort"] }): string[] {
  // Its own members, and for a child its network's active ones (only those reach it).
  const inScope = (member: Expected) => member.accountId === account.id || (member.accountId === account.parentId && member.status === "active");
  return expected
    .filter(inScope)
    .filter((member) => !query.q || matchesTerm(member, query.q))
    .filter((member) => !query.role || member.role === query.role)
    .filter((member) => !query.license || member.licenses.includes(query.license))
    .filter((member) => !query.status || matchesStatus(member, query.status))
    .sort(SORT_ORDER[query.sort])
    .map((member) => member.id);
}

async function everyPage(account: Account, query: Partial<MembersQuery>, pageSize: number, tuning?: SearchTuning): Promise<MemberRow[]> {
  const rows: MemberRow[] = [];
  let after: MembersQuery["after"];
  do {
    const page = await listMembers(account, { ...query, after }, pageSize, tuning);
    expect(page.rows.length, "a page is full unless it is the last").toBe(page.next ? pageSize : page.rows.length);
    rows.push(...page.rows);
    // A cursor that fails to move on would page forever.
    if (rows.length > expected.length) throw new Error("paging repeats rows");
    after = page.next;
  } while (after);
  return rows;
}

describe(`paging the users table (${database.driver})`, () => {
  it("lists every member exactly once, in order, whatever the search, filters, sort and page size", async () => {
    // Filters left out often enough that most views span several pages.
    const option = <T,>(values: readonly T[]) => fc.option(fc.constantFrom(...values), { nil: undefined, freq: 2 });
    const query = fc.record({
      child: fc.boolean(),
      q: option(TERMS),
      role: option(ROLES),
      license: option(PRODUCTS),
      status: option(MEMBER_STATUS_FILTERS),
      sort: fc.constantFrom(...MEMBER_SORTS),
      pageSize: fc.integer({ min: 4, max: 40 }),
      tuning: fc.constantFrom(...TUNINGS),
    });
    await fc.assert(
      fc.asyncProperty(query, async ({ child: inChild, pageSize, tuning, ...view }) => {
        const account = inChild ? child : network;
        const rows = await everyPage(account, view, pageSize, tuning);
        expect(rows.map((row) => row.membershipId)).toEqual(expectedList(account, view));
      }),
      { numRuns: 150 },
    );
  }, 180_000);

  it("pages every search the same way on each route", async () => {
    for (const q of TERMS) {
      for (const tuning of TUNINGS) {
        const view = { q, sort: "name" as const };
        const rows = await everyPage(child, view, 7, tuning);
        expect(rows.map((row) => row.membershipId), `"${q}" with ${JSON.stringify(tuning)}`).toEqual(expectedList(child, view));
      }
    }
  }, 120_000);

  it("breaks ties by id, one row per page across the network and its account", async () => {
    const view = { q: "smith", sort: "last_sign_in" as const };
    const rows = await everyPage(child, view, 1);
    expect(rows.map((row) => row.membershipId)).toEqual(expectedList(child, view));
  });

  it("shows what each row needs: via, account, version, 2FA and the invitation's expiry", async () => {
    const rows = await everyPage(child, { sort: "email" }, 100);
    for (const row of rows) {
      const member = expected.find((candidate) => candidate.id === row.membershipId)!;
      expect(row.accountId).toBe(member.accountId);
      expect(row.viaAccountName).toBe(member.accountId === network.id ? "Paging Network" : null);
      expect(row.version).toBe(1);
      if (member.status !== "invited") expect(row.twoFactorEnabled).toBe(Number(row.email.slice(1, row.email.indexOf("@"))) % 3 === 0);
      expect(row.inviteExpiresAt === null).toBe(member.status !== "invited" || member.invite === "ended");
      if (member.invite === "open" && member.status === "invited") expect(row.inviteExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    }
  });
});
