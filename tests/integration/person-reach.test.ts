import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { memberships, users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { adminReachCoversPerson } from "@/lib/members/person-reach";
import { accountIdOf, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
beforeAll(() => seedDemoData());

async function personIn(email: string, slugs: string[]): Promise<string> {
  const [person] = await db().insert(users).values({ email, name: email }).returning();
  for (const slug of slugs) {
    await db().insert(memberships).values({ userId: person!.id, accountId: await accountIdOf(slug), role: "member", licenses: ["marketing"] });
  }
  return person!.id;
}

describe(`person-level actions need reach over every membership (${database.driver})`, () => {
  it("lets a network Super User act on people anywhere in the network", async () => {
    const networkAdmin = await userIdOf("superuser@acme.test");
    expect(await adminReachCoversPerson(networkAdmin, await userIdOf("manager@acme.test"))).toBe(true);
    expect(await adminReachCoversPerson(networkAdmin, await personIn("two@x.test", ["bright-dental", "summit-auto"]))).toBe(true);
  });

  it("keeps an advertiser's admin away from network users and from people who also belong elsewhere", async () => {
    const brightAdmin = await userIdOf("admin@bright-dental.test");
    expect(await adminReachCoversPerson(brightAdmin, await userIdOf("superuser@acme.test"))).toBe(false);
    expect(await adminReachCoversPerson(brightAdmin, await personIn("only-bright@x.test", ["bright-dental"]))).toBe(true);
    expect(await adminReachCoversPerson(brightAdmin, await personIn("also-summit@x.test", ["bright-dental", "summit-auto"]))).toBe(false);
  });

  it("refuses admins without the users.edit permission, and people with no membership", async () => {
    expect(await adminReachCoversPerson(await userIdOf("manager@acme.test"), await userIdOf("member@acme.test"))).toBe(false);
    const [loner] = await db().insert(users).values({ email: "loner@x.test", name: "Loner" }).returning();
    expect(await adminReachCoversPerson(await userIdOf("superuser@acme.test"), loner!.id)).toBe(false);
  });
});

describe(`person-level actions never reach above the admin (${database.driver})`, () => {
  it("refuses a person who ranks higher than the admin in any of their accounts", async () => {
    const personId = await personIn("mixed@x.test", ["summit-auto"]);
    await db().insert(memberships).values({ userId: personId, accountId: await accountIdOf("callflow-media"), role: "super_user", licenses: ["marketing"] });
    // A network Manager given the users.edit toggle edits users everywhere, yet ranks below this Super User.
    const manager = await userIdOf("manager@acme.test");
    await db().update(memberships).set({ overrides: { "users.edit": true } }).where(eq(memberships.userId, manager));
    try {
      expect(await adminReachCoversPerson(manager, personId)).toBe(false);
      expect(await adminReachCoversPerson(manager, await personIn("plain@x.test", ["summit-auto"]))).toBe(true);
    } finally {
      await db().update(memberships).set({ overrides: {} }).where(eq(memberships.userId, manager));
    }
  });

  it("leaves account holders to themselves", async () => {
    const networkAdmin = await userIdOf("superuser@acme.test");
    expect(await adminReachCoversPerson(networkAdmin, await userIdOf("admin@bright-dental.test"))).toBe(false);
  });
});
