import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { findAccountAccess } from "@/db/queries/accounts";
import { accounts, memberships, users } from "@/db/schema";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();

// A random forest: 1–3 networks with 0–4 children each, and one person with
// random memberships (some deactivated) anywhere in it.
const forest = fc.array(fc.array(fc.constantFrom("advertiser", "publisher", "profile"), { maxLength: 4 }), { minLength: 1, maxLength: 3 });
const membershipPlan = fc.array(fc.record({ pick: fc.nat(), active: fc.boolean() }), { maxLength: 4 });

describe(`account reach over random trees (${database.driver})`, () => {
  it("a membership reaches its account and, for a network, the children — never a sibling network or a parent", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(forest, membershipPlan, async (networks, plan) => {
        run += 1;
        const created: Array<{ id: string; slug: string; parentId: string | null }> = [];
        for (const [n, children] of networks.entries()) {
          const [network] = await db()
            .insert(accounts)
            .values({ name: `N${n}`, slug: `r${run}-n${n}`, type: "network", products: ["marketing"] })
            .returning();
          created.push({ id: network!.id, slug: network!.slug, parentId: null });
          for (const [c, type] of children.entries()) {
            const [child] = await db()
              .insert(accounts)
              .values({ name: `C${c}`, slug: `r${run}-n${n}-c${c}`, type, parentId: network!.id, products: ["marketing"] })
              .returning();
            created.push({ id: child!.id, slug: child!.slug, parentId: network!.id });
          }
        }
        const [person] = await db().insert(users).values({ email: `person${run}@reach.test`, name: "P" }).returning();
        const planned = new Map<string, boolean>();
        for (const { pick, active } of plan) planned.set(created[pick % created.length]!.id, active);
        if (planned.size > 0) {
          await db()
            .insert(memberships)
            .values(
              [...planned].map(([accountId, active]) => ({
                userId: person!.id,
                accountId,
                role: "observer" as const,
                licenses: ["marketing" as const],
                status: active ? ("active" as const) : ("deactivated" as const),
              })),
            );
        }
        const activeIn = (id: string | null) => id !== null && planned.get(id) === true;
        for (const account of created) {
          const expected = activeIn(account.id) || activeIn(account.parentId);
          const access = await findAccountAccess(person!.id, account.slug);
          expect(Boolean(access), `${account.slug}`).toBe(expected);
        }
      }),
      { numRuns: 20 },
    );
  });
});
