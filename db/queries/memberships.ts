import { and, count, eq, inArray } from "drizzle-orm";
import { roleRank } from "@/lib/authz/roles";
import type { Transaction } from "../client";
import { accounts, memberships, type Account, type Membership } from "../schema";

/**
 * A membership of this account, locked for the rest of the transaction — or
 * undefined when the id belongs to another account (the caller's scope decides).
 */
export async function lockMembershipInAccount(
  tx: Transaction,
  accountId: string,
  membershipId: string,
): Promise<Membership | undefined> {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.accountId, accountId)))
    .for("update");
  return row;
}

/**
 * Locks the account's row and its network's, network first, so that edits
 * which could leave an account without a Super User run one after another.
 */
export async function lockAccountAndNetwork(tx: Transaction, account: Pick<Account, "id" | "parentId">): Promise<void> {
  if (account.parentId) await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, account.parentId)).for("update");
  await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, account.id)).for("update");
}

/** Active Super Users whose membership reaches the account: its own and its network's. */
export async function countReachingSuperUsers(tx: Transaction, account: Pick<Account, "id" | "parentId">): Promise<number> {
  const accountIds = account.parentId ? [account.id, account.parentId] : [account.id];
  const [row] = await tx
    .select({ total: count() })
    .from(memberships)
    .where(
      and(inArray(memberships.accountId, accountIds), eq(memberships.role, "super_user"), eq(memberships.status, "active")),
    );
  return row?.total ?? 0;
}

/** Memberships a person has anywhere, active or not. */
export async function countMemberships(tx: Transaction, userId: string): Promise<number> {
  const [row] = await tx.select({ total: count() }).from(memberships).where(eq(memberships.userId, userId));
  return row?.total ?? 0;
}

/** The highest active role through which a person reaches the account, read inside the transaction. */
export async function highestReachingRole(
  tx: Transaction,
  account: Pick<Account, "id" | "parentId">,
  userId: string,
): Promise<Membership["role"] | undefined> {
  const accountIds = account.parentId ? [account.id, account.parentId] : [account.id];
  const rows = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(inArray(memberships.accountId, accountIds), eq(memberships.userId, userId), eq(memberships.status, "active")));
  return rows.map((row) => row.role).sort((a, b) => roleRank(b) - roleRank(a))[0];
}
