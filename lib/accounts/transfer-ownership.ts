import { and, eq } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { accounts, memberships, users } from "@/db/schema";
import { ActionError } from "@/lib/action-error";

/** Active Super Users of the account itself: the people who can become its holder. */
export async function listHolderCandidates(tx: Executor, accountId: string, exceptUserId: string) {
  const rows = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.accountId, accountId), eq(memberships.role, "super_user"), eq(memberships.status, "active")))
    .orderBy(users.name);
  return rows.filter((row) => row.id !== exceptUserId);
}

/** The holder hands the account to another active Super User of it; they keep their own membership. */
export async function transferOwnership(
  tx: Transaction,
  account: { id: string },
  currentHolderId: string,
  newHolderUserId: string,
): Promise<void> {
  const [locked] = await tx.select().from(accounts).where(eq(accounts.id, account.id)).for("update");
  if (locked?.holderUserId !== currentHolderId) {
    throw new ActionError("You are no longer the account holder. Reload the page.");
  }
  const candidates = await listHolderCandidates(tx, account.id, currentHolderId);
  if (!candidates.some((candidate) => candidate.id === newHolderUserId)) {
    throw new ActionError("Choose an active Super User of this account.", {
      newHolderUserId: "Only an active Super User of this account can become its holder.",
    });
  }
  await tx.update(accounts).set({ holderUserId: newHolderUserId }).where(eq(accounts.id, account.id));
}
