import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { memberships, users } from "@/db/schema";
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
