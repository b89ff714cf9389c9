import { and, eq, isNull, notExists, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { endOpenInvitation, latestInviteeName } from "@/db/queries/invitations";
import { accounts, invitations, memberships, users, type Membership } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import { lockEditableMembership } from "@/lib/members/membership-guards";
import { findOrCreatePerson, refuseExistingMember, type InvitingActor } from "./invite-member";
import { issueInvitationLink, type IssuedInvitation } from "./send-invitation";
import { auditActor, recordAudit } from "@/lib/audit/record";

async function lockInvitedMembership(tx: Transaction, actor: InvitingActor, membershipId: string) {
  const membership = await lockEditableMembership(tx, actor, membershipId);
  if (membership.status !== "invited") {
    throw new ActionError("This person is no longer invited: they accepted, or their membership changed. Reload to see them.");
  }
  const [person] = await tx.select({ email: users.email }).from(users).where(eq(users.id, membership.userId));
  return { membership, email: person!.email };
}

/**
 * A fresh link for a pending invitation, emailed or handed to the admin to
 * copy (only hashes are stored, so the old link cannot be shown again; it
 * stops working instead).
 */
export async function renewInvitation(
  tx: Transaction,
  actor: InvitingActor,
  membershipId: string,
  delivery: "email" | "copy",
): Promise<IssuedInvitation> {
  const invited = await lockInvitedMembership(tx, actor, membershipId);
  const issued = await issueInvitationLink(tx, actor, { ...invited, name: await latestInviteeName(tx, membershipId) }, delivery);
  await recordAudit(tx, {
    action: "invitation.resent",
    accountId: actor.account.id,
    actor: auditActor(actor),
    target: { type: "membership", id: membershipId, label: invited.email },
    details: { delivery },
  });
  return issued;
}

/**
 * Corrects a pending invitation's name or address. A new address is a new
 * invitee: the old link stops working ("email_changed"), the membership moves
 * to the person with that address, and a fresh link goes there. The old
 * address's person is never renamed, so nothing about them leaks or changes.
 */
export async function changeInvitee(
  tx: Transaction,
  actor: InvitingActor,
  membershipId: string,
  invitee: { email: string; name: string },
): Promise<IssuedInvitation | undefined> {
  const { membership, email } = await lockInvitedMembership(tx, actor, membershipId);
  if (invitee.email === email) {
    const renamed = await tx
      .update(invitations)
      .set({ name: invitee.name })
      .where(and(eq(invitations.membershipId, membership.id), isNull(invitations.endedAt)))
      .returning({ id: invitations.id });
    if (renamed.length === 0) throw new ActionError("This invitation has no working link any more. Resend it, then correct the name.");
    return undefined;
  }
  await endOpenInvitation(tx, membership.id, "email_changed");
  const personId = await findOrCreatePerson(tx, invitee);
  await refuseExistingMember(tx, actor, personId);
  await tx
    .update(memberships)
    .set({ userId: personId, version: sql`${memberships.version} + 1` })
    .where(eq(memberships.id, membership.id));
  await forgetUnusedPerson(tx, membership);
  return issueInvitationLink(tx, actor, { membership, email: invitee.email, name: invitee.name }, "email");
}

/** Withdraws a pending invitation: its link stops working and the invited membership goes. */
export async function revokeInvitation(tx: Transaction, actor: InvitingActor, membershipId: string): Promise<void> {
  const { membership, email } = await lockInvitedMembership(tx, actor, membershipId);
  await endOpenInvitation(tx, membership.id, "revoked");
  await recordAudit(tx, {
    action: "invitation.revoked",
    accountId: actor.account.id,
    actor: auditActor(actor),
    target: { type: "membership", id: membership.id, label: email },
  });
  await tx.delete(memberships).where(eq(memberships.id, membership.id));
  await forgetUnusedPerson(tx, membership);
}

// A person created by the invitation, who never set a password and belongs
// nowhere else, leaves no trace behind.
async function forgetUnusedPerson(tx: Transaction, membership: Pick<Membership, "userId">): Promise<void> {
  await tx
    .delete(users)
    .where(
      and(
        eq(users.id, membership.userId),
        isNull(users.passwordHash),
        notExists(tx.select({ one: sql`1` }).from(memberships).where(eq(memberships.userId, membership.userId))),
        notExists(tx.select({ one: sql`1` }).from(accounts).where(eq(accounts.holderUserId, membership.userId))),
      ),
    );
}
