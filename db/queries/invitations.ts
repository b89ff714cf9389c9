import { and, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { createOneTimeToken, hashToken } from "@/lib/auth/tokens";
import { db, type Executor, type Transaction } from "../client";
import { accounts, invitations, memberships, users, type Invitation } from "../schema";

const DAY_MS = 86_400_000;

/** A new link for an invited membership; the caller has ended any open one first. */
export async function insertInvitation(
  tx: Transaction,
  invitation: { accountId: string; membershipId: string; email: string; name: string | null; invitedByUserId: string; ttlDays: number },
): Promise<{ token: string; expiresAt: Date }> {
  const { token, hash } = createOneTimeToken();
  const expiresAt = new Date(Date.now() + invitation.ttlDays * DAY_MS);
  await tx.insert(invitations).values({ ...invitation, tokenHash: hash, expiresAt });
  return { token, expiresAt };
}

/** The name the admin gave the invitee in the membership's latest link. */
export async function latestInviteeName(executor: Executor, membershipId: string): Promise<string | null> {
  const [row] = await executor
    .select({ name: invitations.name })
    .from(invitations)
    .where(eq(invitations.membershipId, membershipId))
    .orderBy(desc(invitations.createdAt))
    .limit(1);
  return row?.name ?? null;
}

/** Ends every working link sent to a person, in any account: their address changed, and a link is bound to the address. */
export async function endOpenInvitationsOfPerson(executor: Executor, userId: string): Promise<void> {
  await executor
    .update(invitations)
    .set({ endedAt: sql`now()`, endReason: "email_changed" })
    .where(
      and(
        isNull(invitations.endedAt),
        inArray(invitations.membershipId, executor.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, userId))),
      ),
    );
}

/** Ends the membership's working link, if any, saying why (so the old link's page can explain). */
export async function endOpenInvitation(
  executor: Executor,
  membershipId: string,
  reason: NonNullable<Invitation["endReason"]>,
): Promise<void> {
  await executor
    .update(invitations)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(invitations.membershipId, membershipId), isNull(invitations.endedAt)));
}

const inviters = alias(users, "inviters");

/** Everything the invitation page shows about a link, whatever state it is in; undefined for an unknown token. */
export async function findInvitationByToken(token: string) {
  const [row] = await db()
    .select({
      id: invitations.id,
      email: invitations.email,
      inviteeName: invitations.name,
      expiresAt: invitations.expiresAt,
      endedAt: invitations.endedAt,
      endReason: invitations.endReason,
      invitedByUserId: invitations.invitedByUserId,
      inviterName: inviters.name,
      account: { id: accounts.id, name: accounts.name, slug: accounts.slug, closedAt: accounts.closedAt },
      membershipId: memberships.id,
      membershipStatus: memberships.status,
      userId: users.id,
      userEmail: users.email,
      userName: users.name,
      userHasPassword: sql<boolean>`${users.passwordHash} is not null`.mapWith(Boolean),
    })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .leftJoin(inviters, eq(inviters.id, invitations.invitedByUserId))
    .leftJoin(memberships, eq(memberships.id, invitations.membershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  return row;
}

export type InvitationView = NonNullable<Awaited<ReturnType<typeof findInvitationByToken>>>;

/**
 * Uses a link exactly once: of two concurrent acceptances only one gets the
 * row back. Expired, ended and unknown links get nothing.
 */
export async function consumeInvitation(tx: Transaction, token: string) {
  const [row] = await tx
    .update(invitations)
    .set({ endedAt: sql`now()`, endReason: "accepted" })
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.endedAt), gt(invitations.expiresAt, sql`now()`)))
    .returning({ id: invitations.id, membershipId: invitations.membershipId, invitedByUserId: invitations.invitedByUserId });
  return row;
}

/** Marks an accepted link void instead (the invite no longer holds); same transaction as consumeInvitation. */
export async function voidInvitation(tx: Transaction, invitationId: string): Promise<void> {
  await tx.update(invitations).set({ endReason: "void" }).where(eq(invitations.id, invitationId));
}
