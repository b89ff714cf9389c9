import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { countReachingSuperUsers, lockAccountAndNetwork, lockMembershipInAccount } from "@/db/queries/memberships";
import { memberships, users, type Membership } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import type { AccessContext } from "@/lib/authz/authorize";
import { highestReachingRole } from "@/db/queries/memberships";
import { roleRank } from "@/lib/authz/roles";

/** What the guards need to know about the person acting: authorize()'s answer, or a subset. */
export type Actor = Pick<AccessContext, "account" | "role" | "permissions"> & { session: { user: { id: string } } };

const NOT_FOUND = "This person is not a member of this account.";
export const STALE_FORM = "Someone else changed this person meanwhile. Reload to see their change, then try again.";

/**
 * Locks the account (and its network) and the membership to change, and
 * checks that the actor may act on it at all: it belongs to this account,
 * it is not their own, and its role is not above theirs.
 */
export async function lockEditableMembership(tx: Transaction, actor: Actor, membershipId: string): Promise<Membership> {
  await lockAccountAsActor(tx, actor);
  await lockPersonOfMembership(tx, actor.account.id, membershipId);
  const membership = await lockMembershipInAccount(tx, actor.account.id, membershipId);
  if (!membership) throw new ActionError(NOT_FOUND);
  if (membership.userId === actor.session.user.id) {
    throw new ActionError("You cannot change your own membership. Ask another Super User.");
  }
  if (roleRank(membership.role) > roleRank(actor.role)) {
    throw new ActionError("You cannot change someone whose role is above yours.");
  }
  return membership;
}

/**
 * Locks the person behind a membership, between the account and the
 * membership: a sign-in locks the person and then (by trigger) their
 * memberships, so every member edit takes account → person → membership and
 * none can deadlock with it. "No key update" leaves foreign-key checks on the
 * person (a new invitation naming them) free to proceed.
 */
async function lockPersonOfMembership(tx: Transaction, accountId: string, membershipId: string): Promise<void> {
  await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.id} = (select ${memberships.userId} from ${memberships} where ${memberships.id} = ${membershipId} and ${memberships.accountId} = ${accountId})`)
    .for("no key update");
}

/**
 * Locks the account (and its network) for a change to its members, then
 * re-reads the actor's role: it may have changed while this request waited
 * for the lock (another admin demoted them), so decide on what holds now.
 */
export async function lockAccountAsActor(tx: Transaction, actor: Actor): Promise<void> {
  await lockAccountAndNetwork(tx, actor.account);
  const currentRole = await highestReachingRole(tx, actor.account, actor.session.user.id);
  if (!currentRole || roleRank(currentRole) < roleRank(actor.role)) {
    throw new ActionError("Your access to this account changed meanwhile. Reload the page.");
  }
}

/**
 * An invited membership changes only through its invitation (resend, revoke,
 * acceptance): activating it by hand would let an admin skip the invitee's consent.
 */
export function assertNotInvited(membership: Membership): void {
  if (membership.status === "invited") {
    throw new ActionError("This person has not accepted their invitation yet. Resend or revoke the invitation instead.");
  }
}

/** The account holder keeps their place until they hand the account over. */
export function assertNotHolder(actor: Actor, membership: Membership, action: string): void {
  if (membership.userId === actor.account.holderUserId) {
    throw new ActionError(`The account holder cannot be ${action}. They must transfer ownership first.`);
  }
}

/** Run after a change, inside the same transaction and locks: the account must still be reached by a Super User. */
export async function assertStillReachedBySuperUser(tx: Transaction, actor: Actor): Promise<void> {
  if ((await countReachingSuperUsers(tx, actor.account)) === 0) {
    throw new ActionError(`${actor.account.name} must keep at least one active Super User.`);
  }
}
