import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { memberships, type Membership } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import type { DataFilter } from "@/lib/authz/data-filter";
import type { AccessGrant } from "@/lib/authz/grants";
import { grantProblems } from "@/lib/authz/grants";
import { assertStillReachedBySuperUser, lockEditableMembership, STALE_FORM, type Actor } from "./membership-guards";
import { auditActor, recordAudit } from "@/lib/audit/record";

/**
 * Gives a member a new role, licenses and toggles, as one change. Refused when
 * it would escalate (see grantProblems), when someone else changed the member
 * since the form was opened (version), when it would demote the account
 * holder, or when it would leave the account without a Super User.
 */
export async function changeMemberAccess(
  tx: Transaction,
  actor: Actor,
  change: { membershipId: string; expectedVersion: number; dataFilter?: DataFilter | null } & AccessGrant,
): Promise<{ before: Membership; after: Membership }> {
  const membership = await lockEditableMembership(tx, actor, change.membershipId);
  if (membership.version !== change.expectedVersion) {
    throw new ActionError(STALE_FORM);
  }
  const problems = grantProblems(
    { userId: actor.session.user.id, role: actor.role, permissions: actor.permissions },
    change,
    { userId: membership.userId, accountType: actor.account.type, accountProducts: actor.account.products },
  );
  if (problems.length > 0) {
    throw new ActionError(problems[0]!.message, Object.fromEntries(problems.map((p) => [p.field, p.message])));
  }
  if (membership.userId === actor.account.holderUserId && change.role !== "super_user") {
    throw new ActionError("The account holder stays a Super User. They must transfer ownership first.");
  }
  const [updated] = await tx
    .update(memberships)
    .set({
      role: change.role,
      licenses: change.licenses,
      overrides: change.overrides,
      // Only Filtered Reporting members carry a data filter; left out, it stays as it was.
      dataFilter: change.role !== "filtered_reporting" ? null : change.dataFilter === undefined ? membership.dataFilter : change.dataFilter,
      version: sql`${memberships.version} + 1`,
    })
    .where(eq(memberships.id, membership.id))
    .returning();
  await assertStillReachedBySuperUser(tx, actor);
  const accessOf = (m: Membership) => ({ role: m.role, licenses: m.licenses, overrides: m.overrides, dataFilter: m.dataFilter });
  await recordAudit(tx, {
    action: "member.access_changed",
    accountId: actor.account.id,
    actor: auditActor(actor),
    target: { type: "membership", id: membership.id, label: membership.sortEmail },
    details: { before: accessOf(membership), after: accessOf(updated!) },
  });
  return { before: membership, after: updated! };
}
