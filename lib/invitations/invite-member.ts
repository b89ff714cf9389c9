import { and, eq, or, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import type { DataFilter } from "@/lib/authz/data-filter";
import { grantProblems, type AccessGrant } from "@/lib/authz/grants";
import { lockAccountAsActor, type Actor } from "@/lib/members/membership-guards";
import { issueInvitationLink, type IssuedInvitation } from "./send-invitation";
import { auditActor, recordAudit } from "@/lib/audit/record";

export type InvitingActor = Actor & { session: { user: { id: string; name: string } } };
export type Invitee = AccessGrant & { email: string; name: string; dataFilter?: DataFilter | null };

/**
 * Invites a person into the account: an "invited" membership (which grants
 * nothing until accepted) and an emailed link. The answer is the same whether
 * or not the email already has a Rolecall login elsewhere, so the dialog
 * reveals nothing about other accounts; only this account's own members and
 * pending invitations are named, since the admin can see those anyway.
 */
export async function inviteMember(
  tx: Transaction,
  actor: InvitingActor,
  invitee: Invitee,
): Promise<IssuedInvitation & { membershipId: string }> {
  await lockAccountAsActor(tx, actor);
  const problems = grantProblems(
    { userId: actor.session.user.id, role: actor.role, permissions: actor.permissions },
    invitee,
    { accountType: actor.account.type, accountProducts: actor.account.products },
  );
  if (problems.length > 0) {
    throw new ActionError(problems[0]!.message, Object.fromEntries(problems.map((p) => [p.field, p.message])));
  }

  const userId = await findOrCreatePerson(tx, invitee);
  await refuseExistingMember(tx, actor, userId);
  const [membership] = await tx
    .insert(memberships)
    .values({
      userId,
      accountId: actor.account.id,
      role: invitee.role,
      licenses: invitee.licenses,
      overrides: invitee.overrides,
      dataFilter: invitee.role === "filtered_reporting" ? (invitee.dataFilter ?? null) : null,
      status: "invited",
    })
    .returning({ id: memberships.id, role: memberships.role });
  const issued = await issueInvitationLink(tx, actor, { membership: membership!, email: invitee.email, name: invitee.name }, "email");
  await recordAudit(tx, {
    action: "invitation.sent",
    accountId: actor.account.id,
    actor: auditActor(actor),
    target: { type: "membership", id: membership!.id, label: invitee.email },
    details: { role: invitee.role, licenses: invitee.licenses, overrides: invitee.overrides ?? {} },
  });
  return { ...issued, membershipId: membership!.id };
}

// A person is one row per email. A new one has no password until they accept;
// an existing one keeps their own name (they confirm it when accepting).
export async function findOrCreatePerson(tx: Transaction, invitee: Pick<Invitee, "email" | "name">): Promise<string> {
  await tx.insert(users).values({ email: invitee.email, name: invitee.name }).onConflictDoNothing({ target: users.email });
  const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitee.email));
  return person!.id;
}

export async function refuseExistingMember(tx: Transaction, actor: InvitingActor, userId: string): Promise<void> {
  const { id, parentId } = actor.account;
  // The account's own membership decides first; a network one only when it reaches here (active).
  const [existing] = await tx
    .select({ accountId: memberships.accountId, status: memberships.status })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        parentId ? or(eq(memberships.accountId, id), and(eq(memberships.accountId, parentId), eq(memberships.status, "active"))) : eq(memberships.accountId, id),
      ),
    )
    .orderBy(sql`${memberships.accountId} = ${id} desc`)
    .limit(1);
  if (!existing) return;
  const message =
    existing.accountId !== id
      ? "This person already reaches this account through its network."
      : existing.status === "invited"
        ? "This person already has a pending invitation. Resend it from their row instead."
        : "This person is already a member of this account.";
  throw new ActionError(message, { email: message });
}
