import { beforeAll, describe, expect, it } from "vitest";
import { listMembers } from "@/db/queries/members";
import { seedDemoData } from "@/db/seed";
import { membersForExport } from "@/lib/members/export-members";
import type { MembersQuery } from "@/lib/validation/members-query";
import { accountIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
beforeAll(() => seedDemoData());

async function exported(account: { id: string; parentId: string | null }, query: Omit<MembersQuery, "after">, pageSize: number) {
  const pages: string[][] = [];
  for await (const page of membersForExport(account, query, pageSize)) pages.push(page.map((row) => row.email));
  return pages;
}

describe(`exporting the users table (${database.driver})`, () => {
  it("reads every member of the view a page at a time, in the table's order", async () => {
    const acme = { id: await accountIdOf("acme"), parentId: null };
    const view = { sort: "email" as const };
    const everyone = (await listMembers(acme, view, 1_000)).rows.map((row) => row.email);
    const pages = await exported(acme, view, 2);
    expect(pages.every((page) => page.length <= 2)).toBe(true);
    expect(pages.length).toBe(Math.ceil(everyone.length / 2));
    expect(pages.flat()).toEqual(everyone);
  });

  it("keeps the table's filters, and a child account's network members", async () => {
    const acme = { id: await accountIdOf("acme"), parentId: null };
    expect((await exported(acme, { sort: "name", role: "manager" }, 50)).flat()).toEqual(["manager@acme.test"]);
    const summit = { id: await accountIdOf("summit-auto"), parentId: acme.id };
    expect((await exported(summit, { sort: "name" }, 50)).flat()).toContain("superuser@acme.test");
  });
});
