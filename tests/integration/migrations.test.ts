import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { accounts, memberships, users } from "@/db/schema";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();

async function tableNames(): Promise<string[]> {
  const rows = await db()
    .select({ name: sql<string>`table_name` })
    .from(sql`information_schema.tables`)
    .where(sql`table_schema = 'public'`);
  return rows.map((row) => row.name).sort();
}

describe(`migrations (${database.driver})`, () => {
  it("create the schema", async () => {
    expect(await tableNames()).toEqual(["access_presets", "accounts", "api_credentials", "audit_events", "bulk_import_blocks", "bulk_imports", "calls", "emails", "invitations", "memberships", "notifications", "password_tokens", "rate_limits", "recovery_codes", "sessions", "users"]);
  });

  it("apply a second time without changing anything", async () => {
    await migrateDatabase(database.handle());
    expect(await tableNames()).toEqual(["access_presets", "accounts", "api_credentials", "audit_events", "bulk_import_blocks", "bulk_imports", "calls", "emails", "invitations", "memberships", "notifications", "password_tokens", "rate_limits", "recovery_codes", "sessions", "users"]);
  });

  it("enforce one row per normalized email", async () => {
    await db().insert(users).values({ email: "dana@example.com", name: "Dana" });
    await expect(db().insert(users).values({ email: "dana@example.com", name: "Dana 2" })).rejects.toThrow();
    await expect(db().insert(users).values({ email: "Dana@Example.com", name: "Dana 3" })).rejects.toThrow();
  });

  it("keep accounts a two-level tree with well-formed slugs and a product", async () => {
    const [network] = await db()
      .insert(accounts)
      .values({ name: "Net", slug: "net", type: "network", products: ["marketing"] })
      .returning();
    await expect(
      db().insert(accounts).values({ name: "Orphan", slug: "orphan", type: "advertiser", products: ["marketing"] }),
    ).rejects.toThrow();
    await expect(
      db().insert(accounts).values({ name: "Sub", slug: "sub", type: "network", parentId: network!.id, products: ["marketing"] }),
    ).rejects.toThrow();
    await expect(
      db().insert(accounts).values({ name: "Bad", slug: "Bad Slug", type: "network", products: ["marketing"] }),
    ).rejects.toThrow();
    await expect(db().insert(accounts).values({ name: "None", slug: "none", type: "network", products: [] })).rejects.toThrow();
    await expect(
      db().insert(accounts).values({ name: "Net again", slug: "net", type: "network", products: ["marketing"] }),
    ).rejects.toThrow();

    const [child] = await db()
      .insert(accounts)
      .values({ name: "Child", slug: "child", type: "advertiser", parentId: network!.id, products: ["marketing"] })
      .returning();
    await expect(
      db().insert(accounts).values({ name: "Grandchild", slug: "grandchild", type: "publisher", parentId: child!.id, products: ["marketing"] }),
    ).rejects.toThrow();
    await expect(db().update(accounts).set({ type: "advertiser" }).where(eq(accounts.id, network!.id))).rejects.toThrow();
  });

  it("keep a member's licenses non-empty and within the account's products", async () => {
    const [account] = await db()
      .insert(accounts)
      .values({ name: "Calls Only", slug: "calls-only", type: "network", products: ["contact_center"] })
      .returning();
    const [user] = await db().insert(users).values({ email: "lic@example.com", name: "Lic" }).returning();
    const membership = { userId: user!.id, accountId: account!.id, role: "member" as const };
    await expect(db().insert(memberships).values({ ...membership, licenses: [] })).rejects.toThrow();
    await expect(db().insert(memberships).values({ ...membership, licenses: ["marketing"] })).rejects.toThrow();
    // Checked once per statement over all its rows: one bad row refuses them all.
    const [other] = await db().insert(users).values({ email: "lic2@example.com", name: "Lic Two" }).returning();
    await expect(
      db().insert(memberships).values([{ ...membership, userId: other!.id, licenses: ["contact_center"] }, { ...membership, licenses: ["marketing"] }]),
    ).rejects.toThrow();
    expect(await db().select().from(memberships).where(eq(memberships.accountId, account!.id))).toEqual([]);
    await db().insert(memberships).values({ ...membership, licenses: ["contact_center"] });
    await expect(
      db().update(memberships).set({ licenses: ["contact_center", "marketing"] }).where(eq(memberships.userId, user!.id)),
    ).rejects.toThrow();
  });
});
