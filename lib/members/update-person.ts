import { and, eq, ne } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { endOpenInvitationsOfPerson } from "@/db/queries/invitations";
import { revokePasswordTokens } from "@/db/queries/password-tokens";
import { users, type Membership } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import { assertNotInvited, lockEditableMembership, STALE_FORM, type Actor } from "./membership-guards";
import { adminReachCoversPerson } from "./person-reach";

export const OUT_OF_REACH = "This person also belongs to accounts you do not manage, so only their own admins there can change this.";

/**
 * Locks a member for a person-level change (name, email, password reset,
 * signing out everywhere): allowed only to an admin whose reach covers every
 * membership the person has.
 */
export async function lockPersonOfMember(tx: Transaction, actor: Actor, membershipId: string): Promise<Membership> {
  const membership = await lockEditableMembership(tx, actor, membershipId);
  // Until they accept, an invitee may be someone else's user entirely: their person is not ours to act on.
  assertNotInvited(membership);
  if (!(await adminReachCoversPerson(actor.session.user.id, membership.userId, tx))) throw new ActionError(OUT_OF_REACH);
  return membership;
}

export type PersonInfo = { name: string; email: string; phone: string | null };

/**
 * Changes a person's name, email and phone (someone who has accepted; a
 * pending invitation is corrected with changeInvitee). A new email ends every
 * link still open for the old address, in any account, and any password
 * reset link sent there.
 */
export async function updatePersonInfo(
  tx: Transaction,
  actor: Actor,
  membershipId: string,
  info: PersonInfo,
  original: PersonInfo,
): Promise<Membership> {
  const membership = await lockPersonOfMember(tx, actor, membershipId);
  const [person] = await tx.select({ name: users.name, email: users.email, phone: users.phone }).from(users).where(eq(users.id, membership.userId));
  if (person!.name !== original.name || person!.email !== original.email || person!.phone !== original.phone) throw new ActionError(STALE_FORM);
  const emailChanged = person!.email !== info.email;
  if (emailChanged) {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, info.email), ne(users.id, membership.userId)))
      .limit(1);
    if (taken) throw new ActionError("Another person already uses this email.", { email: "Another person already uses this email." });
    await endOpenInvitationsOfPerson(tx, membership.userId);
    await revokePasswordTokens(tx, membership.userId);
  }
  await tx.update(users).set(info).where(eq(users.id, membership.userId));
  return membership;
}
