import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { findAccountById } from "@/db/queries/accounts";
import { findMember, listMembers } from "@/db/queries/members";
import { seedDemoData } from "@/db/seed";
import { memberships } from "@/db/schema";
import { accountIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
beforeAll(() => seedDemoData());

const SLUGS = ["acme", "bright-dental", "summit-auto", "callflow-media"];

async function everyMember(slug: string) {
  const account = (await findAccountById(await accountIdOf(slug)))!;
  const rows = [];
  for (let page = await listMembers(account, { limit: 3 }); page.length > 0; ) {
    rows.push(...page);
    const last = page.at(-1)!;
    page = await listMembers(account, { limit: 3, after: { email: last.email, membershipId: last.membershipId } });
  }
  return { account, rows };
}

describe(`member list and member detail share one scope (${database.driver})`, () => {
  it("lists a child account's own members and, marked, its network's", async () => {
    const { rows } = await everyMember("bright-dental");
    expect(rows.find((row) => row.email === "admin@bright-dental.test")?.viaAccountName).toBeNull();
    expect(rows.find((row) => row.email === "superuser@acme.test")?.viaAccountName).toBe("Acme Network");
    expect(rows).toHaveLength(7);
    expect((await everyMember("acme")).rows.map((row) => row.email)).not.toContain("admin@bright-dental.test");
  });

  it("opens exactly the members it lists, in every account", async () => {
    const allMemberships = await db().select({ id: memberships.id }).from(memberships);
    for (const slug of SLUGS) {
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
