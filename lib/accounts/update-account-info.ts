import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { accounts, memberships, type Account } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import type { Product } from "@/lib/authz/products";
import { PRODUCT_LABELS } from "@/lib/authz/products";

export type AccountInfo = Pick<Account, "name" | "products" | "inviteTtlDays">;
const infoOf = ({ name, products, inviteTtlDays }: AccountInfo): AccountInfo => ({ name, products, inviteTtlDays });

/**
 * Renames an account and changes its products. Dropping a product takes that
 * license from every member who has it — refused while someone holds only
 * that license, since they would be left with none.
 */
export async function updateAccountInfo(
  tx: Transaction,
  account: Pick<Account, "id">,
  change: { name: string; products: Product[]; inviteTtlDays?: number; expectedUpdatedAt: string },
): Promise<{ before: AccountInfo; after: Account }> {
  const [current] = await tx.select().from(accounts).where(eq(accounts.id, account.id)).for("update");
  if (!current) throw new ActionError("This account no longer exists.");
  if (current.updatedAt.getTime() !== new Date(change.expectedUpdatedAt).getTime()) {
    throw new ActionError("Someone else changed this account meanwhile. Reload to see their change, then try again.");
  }

  for (const dropped of current.products.filter((product) => !change.products.includes(product))) {
    const stranded = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.accountId, account.id), sql`${memberships.licenses} = array[${dropped}]::product[]`));
    if (stranded.length > 0) {
      const people = stranded.length === 1 ? "1 member has" : `${stranded.length} members have`;
      throw new ActionError(
        `${people} only the ${PRODUCT_LABELS[dropped]} license. Give them another license before removing ${PRODUCT_LABELS[dropped]}.`,
        { products: `${people} only ${PRODUCT_LABELS[dropped]}.` },
      );
    }
    await tx
      .update(memberships)
      .set({ licenses: sql`array_remove(${memberships.licenses}, ${dropped}::product)`, version: sql`${memberships.version} + 1` })
      .where(and(eq(memberships.accountId, account.id), sql`${dropped}::product = any(${memberships.licenses})`));
  }

  const [updated] = await tx
    .update(accounts)
    .set({ name: change.name, products: change.products, inviteTtlDays: change.inviteTtlDays ?? current.inviteTtlDays })
    .where(eq(accounts.id, account.id))
    .returning();
  return { before: infoOf(current), after: updated! };
}
