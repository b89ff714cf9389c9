import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { memberships, type Membership } from "@/db/schema";
import { assertNotHolder, assertNotInvited, assertStillReachedBySuperUser, lockEditableMembership, type Actor } from "./membership-guards";
import { auditActor, recordAudit } from "@/lib/audit/record";

/**
 * Deactivates or reactivates a membership of this account only; the person's
 * other memberships are untouched. Takes effect on their next request.
 */
export async function changeMemberStatus(
  tx: Transaction,
  actor: Actor,
  membershipId: string,
  status: "active" | "deactivated",
): Promise<Membership> {
  const membership = await lockEditableMembership(tx, actor, membershipId);
  assertNotInvited(membership);
  if (status === "deactivated") assertNotHolder(actor, membership, "deactivated");
  const [updated] = await tx
    .update(memberships)
    .set({ status, version: sql`${memberships.version} + 1` })
    .where(eq(memberships.id, membership.id))
    .returning();
  await assertStillReachedBySuperUser(tx, actor);
  await recordAudit(tx, {
    action: status === "active" ? "member.reactivated" : "member.deactivated",
    accountId: actor.account.id,
    actor: auditActor(actor),
    target: { type: "membership", id: membership.id, label: membership.sortEmail },
  });
  return updated!;
}
