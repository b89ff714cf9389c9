import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { memberships } from "@/db/schema";
import { accessAs, reachingAccessAs, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
beforeAll(() => seedDemoData());

const accessOf = accessAs;
const contextOf = reachingAccessAs;

describe(`authorize (${database.driver})`, () => {
  it("derives permissions from the membership that reaches the account", async () => {
    const manager = await contextOf("manager@acme.test", "summit-auto");
    expect(manager.via).toBe("network");
    expect(manager.can("users.invite")).toBe(true);
    expect(manager.can("users.edit")).toBe(false);

    const reporting = await contextOf("reporting@acme.test", "acme");
    expect(reporting.can("reports.view_calls")).toBe(true);
    expect(reporting.can("users.view")).toBe(false);
  });

  it("gives the holder's rights to the holder of that account only", async () => {
    expect((await contextOf("admin@bright-dental.test", "bright-dental")).can("account.close")).toBe(true);
    const networkSuperUser = await contextOf("superuser@acme.test", "bright-dental");
    expect(networkSuperUser.isHolder).toBe(false);
    expect(networkSuperUser.can("account.close")).toBe(false);
    expect(networkSuperUser.can("users.edit")).toBe(true);
  });

  it("answers not-found for another tenant's account and malformed slugs", async () => {
    expect(await accessOf("admin@bright-dental.test", "acme")).toBe("not-found");
    expect(await accessOf("admin@bright-dental.test", "summit-auto")).toBe("not-found");
    expect(await accessOf("superuser@acme.test", "../acme")).toBe("not-found");
  });

  it("applies stored overrides and ignores unknown or malformed ones", async () => {
    const memberId = await userIdOf("member@acme.test");
    await db()
      .update(memberships)
      .set({ overrides: { "users.invite": true, "campaigns.edit": false, "no.such.permission": true, "users.edit": "yes" } as never })
      .where(eq(memberships.userId, memberId));
    const member = await contextOf("member@acme.test", "acme");
    expect(member.can("users.invite")).toBe(true);
    expect(member.can("campaigns.edit")).toBe(false);
    expect(member.can("users.edit")).toBe(false);
  });

  it("narrows Filtered Reporting to its data filter, and to nothing without one", async () => {
    const filteredId = await userIdOf("filtered@acme.test");
    await db().update(memberships).set({ dataFilter: null }).where(eq(memberships.userId, filteredId));
    expect((await contextOf("filtered@acme.test", "acme")).reportScope).toEqual({ kind: "nothing" });

    await db()
      .update(memberships)
      .set({ dataFilter: { category: "location", values: ["Denver"] } })
      .where(eq(memberships.userId, filteredId));
    expect((await contextOf("filtered@acme.test", "acme")).reportScope).toEqual({
      kind: "filtered",
      filter: { category: "location", values: ["Denver"] },
    });

    await db()
      .update(memberships)
      .set({ dataFilter: { category: "location", values: [] } })
      .where(eq(memberships.userId, filteredId));
    expect((await contextOf("filtered@acme.test", "acme")).reportScope).toEqual({ kind: "nothing" });
    expect((await contextOf("reporting@acme.test", "acme")).reportScope).toEqual({ kind: "all" });
  });
});
