import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { DEMO_MEMBERS, isDatabaseEmpty, seedDemoData } from "@/db/seed";
import { memberships } from "@/db/schema";
import { snapshotTables } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();

describe(`demo seed (${database.driver})`, () => {
  it("creates the demo network, its accounts and one user per role", async () => {
    expect(await isDatabaseEmpty()).toBe(true);
    const { insertedUsers, insertedCalls } = await seedDemoData();
    expect(insertedUsers).toBe(DEMO_MEMBERS.length);
    expect(insertedCalls).toBe(3_000);

    const { users, accounts } = await snapshotTables();
    expect(accounts.map((a) => [a.slug, a.name, a.type])).toEqual([
      ["acme", "Acme Network", "network"],
      ["bright-dental", "Bright Dental", "advertiser"],
      ["callflow-media", "CallFlow Media", "publisher"],
      ["summit-auto", "Summit Auto", "advertiser"],
    ]);
    const acme = accounts.find((a) => a.slug === "acme")!;
    expect(accounts.filter((a) => a.slug !== "acme").every((a) => a.parentId === acme.id)).toBe(true);
    expect(accounts.every((a) => a.products.length === 2)).toBe(true);

    const byEmail = new Map(users.map((u) => [u.email, u]));
    expect(acme.holderUserId).toBe(byEmail.get("superuser@acme.test")!.id);
    const bright = accounts.find((a) => a.slug === "bright-dental")!;
    expect(bright.holderUserId).toBe(byEmail.get("admin@bright-dental.test")!.id);

    const rows = await db().select().from(memberships);
    expect(rows).toHaveLength(DEMO_MEMBERS.length);
    const roles = rows.map((m) => m.role).sort();
    expect(roles).toEqual(["filtered_reporting", "manager", "member", "observer", "reporting", "super_user", "super_user"]);
    expect(rows.every((m) => m.status === "active")).toBe(true);
    expect(users.every((u) => u.passwordHash?.startsWith("$argon2id$"))).toBe(true);
  });

  it("changes nothing when run again", async () => {
    const before = await snapshotTables();
    const { insertedUsers, insertedCalls } = await seedDemoData();
    expect(insertedUsers).toBe(0);
    expect(insertedCalls).toBe(0);
    expect(await snapshotTables()).toEqual(before);
  });
});
