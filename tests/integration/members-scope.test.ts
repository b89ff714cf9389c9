import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { findAccountById } from "@/db/queries/accounts";
import { findMember, listMembers, type MemberRow } from "@/db/queries/members";
import { seedDemoData } from "@/db/seed";
import { memberships, users } from "@/db/schema";
import { MEMBER_SORTS, type MembersQuery } from "@/lib/validation/members-query";
import { accountIdOf, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
beforeAll(async () => {
  await seedDemoData();
  // People whose names and emails exercise search and sorting.
  const acme = await accountIdOf("acme");
  const people = await db()
    .insert(users)
    .values([
      { email: "dana.kim@example.com", name: "Dana Kim" },
      { email: "kimberly@example.com", name: "Kimberly Ortiz" },
      { email: "al@example.com", name: "Alan Turing" },
      { email: "100%_sure@example.com", name: "Percent Person" },
    ])
    .returning();
  await db()
    .insert(memberships)
    .values(people.map((person, i) => ({ userId: person.id, accountId: acme, role: (["member", "observer", "manager", "reporting"] as const)[i]!, licenses: ["marketing" as const] })));
});

async function everyMember(slug: string, query: Partial<MembersQuery> = {}) {
  const account = (await findAccountById(await accountIdOf(slug)))!;
  const rows: MemberRow[] = [];
  let after = undefined;
  do {
    const page = await listMembers(account, { ...query, after }, 3);
    rows.push(...page.rows);
    after = page.next;
  } while (after);
  return { account, rows };
}

const emails = (rows: MemberRow[]) => rows.map((row) => row.email);

describe(`member list and member detail share one scope (${database.driver})`, () => {
  it("lists a child account's own members and, marked, its network's", async () => {
    const { rows } = await everyMember("bright-dental");
    expect(rows.find((row) => row.email === "admin@bright-dental.test")?.viaAccountName).toBeNull();
    expect(rows.find((row) => row.email === "superuser@acme.test")?.viaAccountName).toBe("Acme Network");
    expect(emails((await everyMember("acme")).rows)).not.toContain("admin@bright-dental.test");
  });

  it("opens exactly the members it lists, in every account", async () => {
    const allMemberships = await db().select({ id: memberships.id }).from(memberships);
    for (const slug of ["acme", "bright-dental", "summit-auto", "callflow-media"]) {
      const { account, rows } = await everyMember(slug);
      const listed = new Set(rows.map((row) => row.membershipId));
      for (const { id } of allMemberships) {
        const opened = await findMember(account, id);
        expect(Boolean(opened), `${slug} ${id}`).toBe(listed.has(id));
        if (opened) expect(rows.find((row) => row.membershipId === id)).toEqual(opened);
      }
    }
  });
});

describe(`searching and sorting members (${database.driver})`, () => {
  it("matches 3+ characters anywhere, case-insensitively", async () => {
    expect(emails((await everyMember("acme", { q: "KIM" })).rows).sort()).toEqual(["dana.kim@example.com", "kimberly@example.com"]);
    expect(emails((await everyMember("acme", { q: "ortiz" })).rows)).toEqual(["kimberly@example.com"]);
  });

  it("matches 1–2 characters at the start of the email, the name or a word of the name", async () => {
    expect(emails((await everyMember("acme", { q: "ki" })).rows).sort()).toEqual(["dana.kim@example.com", "kimberly@example.com"]);
    expect(emails((await everyMember("acme", { q: "al" })).rows)).toEqual(["al@example.com"]);
    // "im" sits inside words only: no prefix match.
    expect(emails((await everyMember("acme", { q: "im" })).rows)).toEqual([]);
  });

  it("treats % and _ as plain characters", async () => {
    expect(emails((await everyMember("acme", { q: "0%_" })).rows)).toEqual(["100%_sure@example.com"]);
    expect(emails((await everyMember("acme", { q: "%" })).rows)).toEqual([]);
  });

  it("filters by role, license and status", async () => {
    expect(emails((await everyMember("acme", { role: "manager" })).rows).sort()).toEqual(["al@example.com", "manager@acme.test"]);
    expect((await everyMember("acme", { status: "deactivated" })).rows).toEqual([]);
    const contactCenter = await everyMember("acme", { license: "contact_center" });
    expect(contactCenter.rows.every((row) => row.licenses.includes("contact_center"))).toBe(true);
    expect(emails(contactCenter.rows)).not.toContain("dana.kim@example.com");
  });

  it("pages every sort without gaps or repeats, in order", async () => {
    const all = (await everyMember("acme")).rows.length;
    for (const sort of MEMBER_SORTS) {
      const { rows } = await everyMember("acme", { sort });
      expect(new Set(rows.map((row) => row.membershipId)).size, sort).toBe(all);
    }
    const byRole = (await everyMember("acme", { sort: "role" })).rows.map((row) => row.role);
    expect(byRole[0]).toBe("super_user");
    expect(byRole.at(-1)).toBe("filtered_reporting");
    const byName = (await everyMember("acme", { sort: "name" })).rows.map((row) => row.name.toLowerCase());
    expect(byName).toEqual([...byName].sort());
  });
});

describe(`the users table follows changes to the person (${database.driver})`, () => {
  it("re-sorts and re-matches a member after a new name, email or sign-in", async () => {
    const dana = await userIdOf("dana.kim@example.com");
    await db().update(users).set({ name: "Zelda Kim", email: "zelda@example.com", lastSignInAt: new Date() }).where(eq(users.id, dana));

    expect(emails((await everyMember("acme", { sort: "name" })).rows).at(-1)).toBe("zelda@example.com");
    expect(emails((await everyMember("acme", { sort: "last_sign_in" })).rows)[0]).toBe("zelda@example.com");
    expect(emails((await everyMember("acme", { q: "zelda" })).rows)).toEqual(["zelda@example.com"]);
    expect(emails((await everyMember("acme", { q: "ze" })).rows)).toEqual(["zelda@example.com"]);
    expect((await everyMember("acme", { q: "dana" })).rows).toEqual([]);
  });

  it("sorts a new membership of an existing person by that person's name", async () => {
    const summit = await accountIdOf("summit-auto");
    await db().insert(memberships).values({ userId: await userIdOf("al@example.com"), accountId: summit, role: "member", licenses: ["marketing"] });
    const { rows } = await everyMember("summit-auto", { sort: "name", q: "alan" });
    // Alan is listed twice here: by this membership and, marked, by the network's.
    expect(rows.map((row) => [row.accountId, row.viaAccountName]).sort()).toEqual([[await accountIdOf("acme"), "Acme Network"], [summit, null]].sort());
  });
});
