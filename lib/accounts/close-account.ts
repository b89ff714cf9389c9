import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { accounts, type Account } from "@/db/schema";
import { ActionError } from "@/lib/action-error";

/** Closes a child account; the holder confirms by typing its name. */
export async function closeAccount(tx: Transaction, account: Pick<Account, "id" | "name" | "type">, confirmation: string) {
  if (confirmation.trim() !== account.name) {
    throw new ActionError(`Type the account's name, ${account.name}, to confirm.`, { confirmation: `Type “${account.name}” exactly.` });
  }
  if (account.type === "network") throw new ActionError("A network account cannot be closed here.");
  const closed = await tx
    .update(accounts)
    .set({ closedAt: sql`now()` })
    .where(and(eq(accounts.id, account.id), isNull(accounts.closedAt)))
    .returning({ id: accounts.id });
  if (closed.length === 0) throw new ActionError("This account is already closed.");
}

export async function reopenAccount(tx: Transaction, account: Pick<Account, "id">) {
  const reopened = await tx
    .update(accounts)
    .set({ closedAt: null })
    .where(and(eq(accounts.id, account.id), isNotNull(accounts.closedAt)))
    .returning({ id: accounts.id });
  if (reopened.length === 0) throw new ActionError("This account is already open.");
}
