import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { findAccountById } from "@/db/queries/accounts";
import { seedDemoData } from "@/db/seed";
import { memberships, users } from "@/db/schema";
import { transferOwnership } from "@/lib/accounts/transfer-ownership";
import { updateAccountInfo } from "@/lib/accounts/update-account-info";
import { accountIdOf, inTransaction, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
beforeAll(() => seedDemoData());

describe(`account information (${database.driver})`, () => {
  it("renames the account and refuses a stale form", async () => {
    const id = await accountIdOf("summit-auto");
    const before = (await findAccountById(id))!;
    const change = { name: "Summit Auto Group", products: before.products, expectedUpdatedAt: before.updatedAt.toISOString() };
    await inTransaction((tx) => updateAccountInfo(tx, { id }, change));
    expect((await findAccountById(id))!.name).toBe("Summit Auto Group");
    await expect(inTransaction((tx) => updateAccountInfo(tx, { id }, { ...change, name: "Other" }))).rejects.toThrow(/changed this account meanwhile/);
    expect((await findAccountById(id))!.name).toBe("Summit Auto Group");
  });

  it("drops a removed product from members' licenses, but never leaves a member without one", async () => {
    const id = await accountIdOf("bright-dental");
    const admin = await userIdOf("admin@bright-dental.test");
    const [dana] = await db().insert(users).values({ email: "dana@bright.test", name: "Dana" }).returning();
    await db().insert(memberships).values({ userId: dana!.id, accountId: id, role: "member", licenses: ["contact_center"] });

    const current = (await findAccountById(id))!;
    await expect(
      inTransaction((tx) => updateAccountInfo(tx, { id }, { name: current.name, products: ["marketing"], expectedUpdatedAt: current.updatedAt.toISOString() })),
    ).rejects.toThrow(/1 member has only the Contact Center license/);

    await inTransaction((tx) =>
      updateAccountInfo(tx, { id }, { name: current.name, products: ["contact_center"], expectedUpdatedAt: current.updatedAt.toISOString() }),
    );
    const [adminMembership] = await db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, admin), eq(memberships.accountId, id)));
    expect(adminMembership!.licenses).toEqual(["contact_center"]);
    expect((await findAccountById(id))!.products).toEqual(["contact_center"]);
  });
});

describe(`transferring ownership (${database.driver})`, () => {
  it("hands the account to another active Super User of it, and to nobody else", async () => {
    const id = await accountIdOf("acme");
    const holder = await userIdOf("superuser@acme.test");
    const manager = await userIdOf("manager@acme.test");
    await expect(inTransaction((tx) => transferOwnership(tx, { id }, holder, manager))).rejects.toThrow(/active Super User/);
    await expect(inTransaction((tx) => transferOwnership(tx, { id }, manager, holder))).rejects.toThrow(/no longer the account holder/);

    await db().update(memberships).set({ role: "super_user" }).where(and(eq(memberships.userId, manager), eq(memberships.accountId, id)));
    await inTransaction((tx) => transferOwnership(tx, { id }, holder, manager));
    expect((await findAccountById(id))!.holderUserId).toBe(manager);
    await expect(inTransaction((tx) => transferOwnership(tx, { id }, holder, manager))).rejects.toThrow(/no longer the account holder/);
  });
});
