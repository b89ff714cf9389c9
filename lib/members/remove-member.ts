import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { countMemberships } from "@/db/queries/memberships";
import { bumpSessionVersion } from "@/db/queries/users";
import { memberships } from "@/db/schema";
import { assertNotHolder, assertNotInvited, assertStillReachedBySuperUser, lockEditableMembership, type Actor } from "./membership-guards";
import { auditActor, recordAudit } from "@/lib/audit/record";

/**
 * Deletes a person's membership of this account. When it was their last one,
 * their sessions end too (a person-level event); the person record stays for
 * the audit trail and a later invitation.
 */
export async function removeMember(tx: Transaction, actor: Actor, membershipId: string): Promise<void> {
  const membership = await lockEditableMembership(tx, actor, membershipId);
  assertNotInvited(membership);
  assertNotHolder(actor, membership, "removed");
  await tx.delete(memberships).where(eq(memberships.id, membership.id));
  await assertStillReachedBySuperUser(tx, actor);
  const lastMembership = (await countMemberships(tx, membership.userId)) === 0;
  if (lastMembership) await bumpSessionVersion(membership.userId, tx);
  await recordAudit(tx, {
    action: "member.deleted",
    accountId: actor.account.id,
    actor: auditActor(actor),
    target: { type: "membership", id: membership.id, label: membership.sortEmail },
    details: { role: membership.role, personId: membership.userId, lastMembership },
  });
}
