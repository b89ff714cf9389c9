import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts, memberships, users } from "@/db/schema";
import { changeMemberAccess } from "@/lib/members/change-member-access";
import { inTransaction, reachingAccessAs } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
const SUPER_USERS = 20;

describe(`last Super User protection under concurrency (${database.driver})`, () => {
  it(`keeps a Super User when all ${SUPER_USERS} demote each other at once`, async () => {
    const [network] = await db().insert(accounts).values({ name: "Ring", slug: "ring", type: "network", products: ["marketing"] }).returning();
    const people = await db()
      .insert(users)
      .values(Array.from({ length: SUPER_USERS }, (_, i) => ({ email: `su${i}@ring.test`, name: `Super ${i}` })))
      .returning();
    const rows = await db()
      .insert(memberships)
      .values(people.map((person) => ({ userId: person.id, accountId: network!.id, role: "super_user" as const, licenses: ["marketing" as const] })))
      .returning();
    const actors = await Promise.all(people.map((person) => reachingAccessAs(person.email, "ring")));

    // Each Super User demotes the next one, all in parallel: without the lock
    // and the re-check under it, every demotion could pass and leave none.
    const outcomes = await Promise.allSettled(
      actors.map((actor, i) => {
        const target = rows[(i + 1) % SUPER_USERS]!;
        return inTransaction((tx) =>
          changeMemberAccess(tx, actor, { membershipId: target.id, expectedVersion: target.version, role: "member", licenses: ["marketing"], overrides: {} }),
        );
      }),
    );

    const remaining = await db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.accountId, network!.id), eq(memberships.role, "super_user"), eq(memberships.status, "active")));
    expect(remaining.length).toBeGreaterThanOrEqual(1);
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(SUPER_USERS - refused.length).toBe(SUPER_USERS - remaining.length);
  });
});
