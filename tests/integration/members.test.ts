import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { accounts, memberships, users } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import type { AccessContext } from "@/lib/authz/authorize";
import type { Role } from "@/lib/authz/roles";
import { changeMemberAccess } from "@/lib/members/change-member-access";
import { changeMemberStatus } from "@/lib/members/change-member-status";
import { removeMember } from "@/lib/members/remove-member";
import { inTransaction, membershipOf, reachingAccessAs } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
beforeAll(() => seedDemoData());

const actorIn = reachingAccessAs;

const BOTH = ["marketing", "contact_center"] as ("marketing" | "contact_center")[];

describe(`changing a member's access (${database.driver})`, () => {
  it("applies a Super User's change and bumps the version", async () => {
    const actor = await actorIn("superuser@acme.test", "acme");
    const target = await membershipOf("member@acme.test", "acme");
    const { after: updated } = await inTransaction((tx) =>
      changeMemberAccess(tx, actor, {
        membershipId: target.id,
        expectedVersion: target.version,
        role: "observer",
        licenses: ["contact_center"],
        overrides: { "calls.mention": false },
      }),
    );
    expect(updated).toMatchObject({ role: "observer", licenses: ["contact_center"], version: target.version + 1 });
  });

  it("refuses a stale form instead of overwriting", async () => {
    const actor = await actorIn("superuser@acme.test", "acme");
    const target = await membershipOf("observer@acme.test", "acme");
    const change = { membershipId: target.id, expectedVersion: target.version, role: "member" as Role, licenses: BOTH, overrides: {} };
    await inTransaction((tx) => changeMemberAccess(tx, actor, change));
    await expect(inTransaction((tx) => changeMemberAccess(tx, actor, change))).rejects.toThrow(/changed this person meanwhile/);
  });

  it("refuses escalation, self-edits, other accounts' members and demoting the holder", async () => {
    const admin = await actorIn("admin@bright-dental.test", "bright-dental");
    const networkManager = await membershipOf("manager@acme.test", "acme");
    await expect(
      inTransaction((tx) =>
        changeMemberAccess(tx, admin, { membershipId: networkManager.id, expectedVersion: 1, role: "reporting", licenses: BOTH, overrides: {} }),
      ),
    ).rejects.toThrow(/not a member of this account/);

    const superuser = await actorIn("superuser@acme.test", "acme");
    const own = await membershipOf("superuser@acme.test", "acme");
    await expect(
      inTransaction((tx) => changeMemberAccess(tx, superuser, { membershipId: own.id, expectedVersion: own.version, role: "member", licenses: BOTH, overrides: {} })),
    ).rejects.toThrow(/your own membership/);

    const holderInChild = await membershipOf("admin@bright-dental.test", "bright-dental");
    const networkAdminInChild = await actorIn("superuser@acme.test", "bright-dental");
    await expect(
      inTransaction((tx) =>
        changeMemberAccess(tx, networkAdminInChild, { membershipId: holderInChild.id, expectedVersion: holderInChild.version, role: "manager", licenses: BOTH, overrides: {} }),
      ),
    ).rejects.toThrow(/transfer ownership first/);
    await expect(inTransaction((tx) => changeMemberStatus(tx, networkAdminInChild, holderInChild.id, "deactivated"))).rejects.toThrow(ActionError);
    await expect(inTransaction((tx) => removeMember(tx, networkAdminInChild, holderInChild.id))).rejects.toThrow(/transfer ownership first/);
  });
});

describe(`every account keeps a Super User (${database.driver})`, () => {
  it("refuses to demote, deactivate or remove the last one, even when two admins demote each other at once", async () => {
    const [network] = await db()
      .insert(accounts)
      .values({ name: "Duo Network", slug: "duo", type: "network", products: BOTH })
      .returning();
    const [a, b] = await db()
      .insert(users)
      .values([
        { email: "a@duo.test", name: "A" },
        { email: "b@duo.test", name: "B" },
      ])
      .returning();
    await db()
      .insert(memberships)
      .values([a!, b!].map((user) => ({ userId: user.id, accountId: network!.id, role: "super_user" as const, licenses: BOTH })));

    const actorA = await actorIn("a@duo.test", "duo");
    const actorB = await actorIn("b@duo.test", "duo");
    const [mA, mB] = [await membershipOf("a@duo.test", "duo"), await membershipOf("b@duo.test", "duo")];
    const demote = (actor: AccessContext, target: typeof mA) =>
      inTransaction((tx) => changeMemberAccess(tx, actor, { membershipId: target.id, expectedVersion: target.version, role: "member", licenses: BOTH, overrides: {} }));

    const results = await Promise.allSettled([demote(actorA, mB), demote(actorB, mA)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const superUsers = await db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.accountId, network!.id), eq(memberships.role, "super_user")));
    expect(superUsers).toHaveLength(1);
  });

  it("holds after any sequence of edits by the account's admins", async () => {
    const slug = "prop-net";
    const [network] = await db().insert(accounts).values({ name: "Prop Network", slug, type: "network", products: BOTH }).returning();
    const people = await db()
      .insert(users)
      .values(Array.from({ length: 4 }, (_, i) => ({ email: `p${i}@prop.test`, name: `P${i}` })))
      .returning();
    await db()
      .insert(memberships)
      .values(people.map((person) => ({ userId: person.id, accountId: network!.id, role: "super_user" as const, licenses: BOTH })));

    const step = fc.record({
      actor: fc.integer({ min: 0, max: 3 }),
      target: fc.integer({ min: 0, max: 3 }),
      kind: fc.constantFrom("demote", "promote", "deactivate", "reactivate", "remove"),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const { actor, target, kind } of steps) {
          const actorEmail = `p${actor}@prop.test`;
          let context: AccessContext;
          try {
            context = await actorIn(actorEmail, slug);
          } catch {
            continue; // removed or deactivated: no longer reaches the account
          }
          if (!context.can("users.edit")) continue;
          const [targetMembership] = await db()
            .select()
            .from(memberships)
            .where(and(eq(memberships.userId, people[target]!.id), eq(memberships.accountId, network!.id)));
          if (!targetMembership) continue;
          await inTransaction(async (tx) => {
            if (kind === "demote" || kind === "promote") {
              await changeMemberAccess(tx, context, {
                membershipId: targetMembership.id,
                expectedVersion: targetMembership.version,
                role: kind === "demote" ? "member" : "super_user",
                licenses: BOTH,
                overrides: {},
              });
            } else if (kind === "remove") {
              await removeMember(tx, context, targetMembership.id);
            } else {
              await changeMemberStatus(tx, context, targetMembership.id, kind === "deactivate" ? "deactivated" : "active");
            }
          }).catch((error: unknown) => {
            if (!(error instanceof ActionError)) throw error;
          });
          const active = await db()
            .select()
            .from(memberships)
            .where(and(eq(memberships.accountId, network!.id), eq(memberships.role, "super_user"), eq(memberships.status, "active")));
          expect(active.length).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 25 },
    );
  });
});
