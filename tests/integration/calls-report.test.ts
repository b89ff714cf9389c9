import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { decodeCallCursor, encodeCallCursor, listCalls } from "@/db/queries/calls";
import { DEMO_CALLS } from "@/db/seed-calls";
import { seedDemoData } from "@/db/seed";
import { calls } from "@/db/schema";
import type { ReportScope } from "@/lib/authz/data-filter";
import { accountIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
beforeAll(() => seedDemoData());

const ALL: ReportScope = { kind: "all" };
const DENVER: ReportScope = { kind: "filtered", filter: { category: "location", values: ["Denver"] } };

async function everyPage(accountSlug: string, scope: ReportScope) {
  const account = { id: await accountIdOf(accountSlug) };
  const rows = [];
  let after;
  do {
    const page = await listCalls(account, scope, { after, limit: 500 });
    rows.push(...page.rows);
    after = page.next;
  } while (after);
  return rows;
}

describe(`calls report (${database.driver})`, () => {
  it("covers a network's accounts, and only its own for a child account", async () => {
    const total = Object.values(DEMO_CALLS).reduce((sum, { count }) => sum + count, 0);
    expect(await everyPage("acme", ALL)).toHaveLength(total);
    const bright = await everyPage("bright-dental", ALL);
    expect(bright).toHaveLength(DEMO_CALLS["bright-dental"]!.count);
    expect(new Set(bright.map((call) => call.accountName))).toEqual(new Set(["Bright Dental"]));
  });

  it("narrows Filtered Reporting to its filter's values", async () => {
    const denver = await everyPage("acme", DENVER);
    const [{ count }] = (await db()
      .select({ count: sql<number>`count(*)`.mapWith(Number) })
      .from(calls)
      .where(eq(sql`${calls.marketingData} ->> 'location'`, "Denver"))) as [{ count: number }];
    expect(denver.length).toBe(count);
    expect(denver.length).toBeGreaterThan(0);
    expect(denver.every((call) => call.marketingData.location === "Denver")).toBe(true);

    const twoCities = await everyPage("acme", { kind: "filtered", filter: { category: "location", values: ["Denver", "Austin"] } });
    expect(new Set(twoCities.map((call) => call.marketingData.location))).toEqual(new Set(["Denver", "Austin"]));
  });

  it("shows nothing, without querying, for a scope of nothing", async () => {
    expect(await listCalls({ id: await accountIdOf("acme") }, { kind: "nothing" })).toEqual({ rows: [] });
  });

  it("pages newest first without gaps or repeats", async () => {
    const rows = await everyPage("summit-auto", ALL);
    expect(new Set(rows.map((call) => call.id)).size).toBe(rows.length);
    const times = rows.map((call) => call.startedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("reads back only well-formed cursors", () => {
    const cursor = { startedAt: new Date(1_732_370_000_000), id: "6335d344-a884-46b2-a3a1-6eab8de73dce" };
    expect(decodeCallCursor(encodeCallCursor(cursor))).toEqual(cursor);
    for (const bad of ["", "abc", "1.2", "1732370000000.not-a-uuid", ["1.x"], "1732370000000.6335d344-a884-46b2-a3a1-6eab8de73dce;drop"]) {
      expect(decodeCallCursor(bad)).toBeUndefined();
    }
  });
});
