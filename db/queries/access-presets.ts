import { and, asc, eq, sql } from "drizzle-orm";
import { ActionError } from "@/lib/action-error";
import type { Overrides } from "@/lib/authz/effective";
import type { Product } from "@/lib/authz/products";
import type { Role } from "@/lib/authz/roles";
import { db, type Executor } from "../client";
import { accessPresets, type AccessPreset } from "../schema";

export async function listAccessPresets(accountId: string, executor: Executor = db()): Promise<AccessPreset[]> {
  return executor.select().from(accessPresets).where(eq(accessPresets.accountId, accountId)).orderBy(asc(sql`lower(${accessPresets.name})`));
}

export async function createAccessPreset(
  executor: Executor,
  accountId: string,
  preset: { name: string; role: Role; licenses: Product[]; overrides: Overrides },
): Promise<AccessPreset> {
  const [created] = await executor.insert(accessPresets).values({ accountId, ...preset }).onConflictDoNothing().returning();
  if (!created) throw new ActionError(`A preset named “${preset.name}” already exists.`, { name: "Choose another name." });
  return created;
}

/** Deletes a preset of this account; another account's preset id matches nothing. */
/** Deletes one of the account's presets; returns its name, for the audit log. */
export async function deleteAccessPreset(executor: Executor, accountId: string, presetId: string): Promise<{ name: string }> {
  const [deleted] = await executor
    .delete(accessPresets)
    .where(and(eq(accessPresets.id, presetId), eq(accessPresets.accountId, accountId)))
    .returning({ name: accessPresets.name });
  if (!deleted) throw new ActionError("This preset no longer exists.");
  return deleted;
}
