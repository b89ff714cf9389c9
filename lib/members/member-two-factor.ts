import { and, eq, ne, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { setTwoFactor } from "@/db/queries/two-factor";
import { bumpSessionVersion } from "@/db/queries/users";
import { accounts, memberships } from "@/db/schema";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { lockEditableMembership, type Actor } from "./membership-guards";
import { lockPersonOfMember } from "./update-person";

/**
 * Takes a person's second factor away (a lost phone): their app secret and
 * recovery codes go, every session of theirs ends, and they set it up again
 * at their next sign-in if an account requires it. A person-level change,
 * so only an admin whose reach covers all of the person's memberships.
 */
export async function resetMemberTwoFactor(tx: Transaction, actor: Actor & { session: { user: { email?: string } } }, membershipId: string): Promise<void> {
  const membership = await lockPersonOfMember(tx, actor, membershipId);
  await setTwoFactor(membership.userId, null, tx);
  await bumpSessionVersion(membership.userId, tx);
  await recordAudit(tx, {
    action: "two_factor.reset",
    accountId: actor.account.id,
    actor: auditActor(actor),
    target: { type: "person", id: membership.userId, label: membership.sortEmail },
  });
}

/** Whether this member must use a second factor, whatever the account requires. */
export async function setMemberTwoFactorRequired(tx: Transaction, actor: Actor, membershipId: string, required: boolean): Promise<void> {
  const membership = await lockEditableMembership(tx, actor, membershipId);
  if (membership.twoFactorRequired === required) return;
  await tx.update(memberships).set({ twoFactorRequired: required, version: sql`${memberships.version} + 1` }).where(eq(memberships.id, membership.id));
  await recordAudit(tx, {
    action: "two_factor.requirement_changed",
    accountId: actor.account.id,
    actor: auditActor(actor),
    target: { type: "membership", id: membership.id, label: membership.sortEmail },
    details: { required },
  });
}

/** Whether everyone in the account must use a second factor. */
export async function setAccountTwoFactorRequired(tx: Transaction, actor: Actor, required: boolean): Promise<void> {
  const [updated] = await tx
    .update(accounts)
    .set({ twoFactorRequired: required })
    .where(and(eq(accounts.id, actor.account.id), ne(accounts.twoFactorRequired, required)))
    .returning({ name: accounts.name });
  if (!updated) return; // Already so: nothing changed, nothing to record.
  await recordAudit(tx, {
    action: "two_factor.requirement_changed",
    accountId: actor.account.id,
    actor: auditActor(actor),
    target: { type: "account", id: actor.account.id, label: updated.name },
    details: { required, everyone: true },
  });
}
