import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { memberships, users } from "@/db/schema";
import { lockPersonOfMember, OUT_OF_REACH, updatePersonInfo } from "@/lib/members/update-person";
import { accountIdOf, inTransaction, membershipOf, reachingAccessAs } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
beforeAll(() => seedDemoData());

async function personIn(email: string, slugs: string[]) {
  const [person] = await db().insert(users).values({ email, name: email }).returning();
  for (const slug of slugs) {
    await db().insert(memberships).values({ userId: person!.id, accountId: await accountIdOf(slug), role: "member", licenses: ["marketing"] });
  }
}

async function currentInfo(email: string) {
  const [person] = await db().select({ name: users.name, email: users.email, phone: users.phone }).from(users).where(eq(users.email, email));
  return person!;
}

describe(`person-level edits (${database.driver})`, () => {
  it("refuse an advertiser's admin acting on someone who also belongs elsewhere", async () => {
    await personIn("both@x.test", ["bright-dental", "summit-auto"]);
    const brightAdmin = await reachingAccessAs("admin@bright-dental.test", "bright-dental");
    const membership = await membershipOf("both@x.test", "bright-dental");
    await expect(inTransaction((tx) => lockPersonOfMember(tx, brightAdmin, membership.id))).rejects.toThrow(OUT_OF_REACH);
    await expect(
      inTransaction((tx) => updatePersonInfo(tx, brightAdmin, membership.id, { name: "Taken Over", email: "mine@x.test", phone: null }, { name: "both@x.test", email: "both@x.test", phone: null })),
    ).rejects.toThrow(OUT_OF_REACH);
    const [person] = await db().select().from(users).where(eq(users.email, "both@x.test"));
    expect(person!.name).toBe("both@x.test");
  });

  it("change name, email and phone for an admin who covers the person, and refuse a form opened before someone else's change", async () => {
    await personIn("only@x.test", ["bright-dental"]);
    const brightAdmin = await reachingAccessAs("admin@bright-dental.test", "bright-dental");
    const membership = await membershipOf("only@x.test", "bright-dental");
    const info = { name: "Only One", email: "only.one@x.test", phone: "+1 303 555 0100" };
    const original = { name: "only@x.test", email: "only@x.test", phone: null };
    await inTransaction((tx) => updatePersonInfo(tx, brightAdmin, membership.id, info, original));
    const [person] = await db().select().from(users).where(eq(users.id, membership.userId));
    expect(person).toMatchObject(info);
    await expect(inTransaction((tx) => updatePersonInfo(tx, brightAdmin, membership.id, { ...info, name: "Stale" }, original))).rejects.toThrow(
      /changed this person meanwhile/,
    );
  });

  it("refuse an email another person already uses", async () => {
    const superuser = await reachingAccessAs("superuser@acme.test", "acme");
    const membership = await membershipOf("member@acme.test", "acme");
    const original = await currentInfo("member@acme.test");
    await expect(
      inTransaction((tx) => updatePersonInfo(tx, superuser, membership.id, { name: "M", email: "observer@acme.test", phone: null }, original)),
    ).rejects.toThrow(/already uses this email/);
  });
});
