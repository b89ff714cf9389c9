import { and, asc, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor, Transaction } from "../client";
import { bulkImportRows, bulkImports, type BulkImport, type BulkImportRow, type ImportRowResult } from "../schema";

export type NewImportRow = Omit<BulkImportRow, "importId" | "result" | "error">;

// One parameter (a JSON array) per this many rows: a 100,000-row upload is ten statements.
const ROWS_PER_INSERT = 10_000;

/** Stores a checked upload and its rows, in the caller's transaction; returns its id. */
export async function insertImport(
  tx: Transaction,
  upload: { accountId: string; uploadedByUserId: string; fileName: string; deleteRows: number },
  rows: NewImportRow[],
): Promise<string> {
  const [created] = await tx
    .insert(bulkImports)
    .values({ ...upload, totalRows: rows.length })
    .returning({ id: bulkImports.id });
  const importId = created!.id;
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    // Set-based: one INSERT … SELECT over a JSON array, not an ORM row per row (docs/architecture.md §5).
    const chunk = JSON.stringify(rows.slice(start, start + ROWS_PER_INSERT));
    await tx.execute(sql`
      insert into ${bulkImportRows} (import_id, row_number, email, role, name, license, delete_cell, plan, plan_errors, membership_id, membership_version)
      select ${importId}::uuid, r."rowNumber", r.email, r.role, r.name, r.license, r."deleteCell", r.plan::import_row_plan,
             array(select jsonb_array_elements_text(r."planErrors")), r."membershipId", r."membershipVersion"
      from jsonb_to_recordset(${chunk}::jsonb) as r("rowNumber" int, email text, role text, name text, license text, "deleteCell" text,
           plan text, "planErrors" jsonb, "membershipId" uuid, "membershipVersion" int)`);
  }
  return importId;
}

/** An import of this account, or undefined: the account scopes every lookup. */
export async function findImport(executor: Executor, accountId: string, importId: string): Promise<BulkImport | undefined> {
  const [found] = await executor
    .select()
    .from(bulkImports)
    .where(and(eq(bulkImports.id, importId), eq(bulkImports.accountId, accountId)));
  return found;
}

/** Locks an import for its next step (applying a chunk, or starting). */
export async function lockImport(tx: Transaction, importId: string): Promise<BulkImport | undefined> {
  const [found] = await tx.select().from(bulkImports).where(eq(bulkImports.id, importId)).for("update");
  return found;
}

/** The next rows to apply, in sheet order. */
export async function pendingImportRows(tx: Transaction, importId: string, limit: number): Promise<BulkImportRow[]> {
  return tx
    .select()
    .from(bulkImportRows)
    .where(and(eq(bulkImportRows.importId, importId), isNull(bulkImportRows.result)))
    .orderBy(asc(bulkImportRows.rowNumber))
    .limit(limit);
}

export type RowOutcome = { rowNumber: number; result: ImportRowResult; error?: string };

/** Records what applying did to each row, and moves the progress on by as many, in one statement each. */
export async function recordRowOutcomes(tx: Transaction, importId: string, outcomes: RowOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await tx.execute(sql`
    update ${bulkImportRows} set result = o.result::import_row_result, error = o.error
    from jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) as o("rowNumber" int, result text, error text)
    where ${bulkImportRows.importId} = ${importId} and ${bulkImportRows.rowNumber} = o."rowNumber" and ${bulkImportRows.result} is null`);
  await tx
    .update(bulkImports)
    .set({ doneRows: sql`${bulkImports.doneRows} + ${outcomes.length}` })
    .where(eq(bulkImports.id, importId));
}

export type ImportCounts = Record<ImportRowResult, number>;

/** How many rows ended each way. */
export async function importResultCounts(executor: Executor, importId: string): Promise<ImportCounts> {
  const rows = await executor
    .select({ result: bulkImportRows.result, rows: count() })
    .from(bulkImportRows)
    .where(eq(bulkImportRows.importId, importId))
    .groupBy(bulkImportRows.result);
  const counts: ImportCounts = { invited: 0, changed: 0, deleted: 0, unchanged: 0, error: 0 };
  for (const { result, rows: n } of rows) if (result) counts[result] = n;
  return counts;
}

/** The import's rows in sheet order, a page at a time after `afterRow` (for the result workbook). */
/** The import's rows in sheet order, a page at a time along the row numbers: never one giant query. */
export async function* importRowPages(executor: Executor, importId: string, pageSize = 5_000): AsyncGenerator<BulkImportRow[]> {
  for (let afterRow = 0; ; ) {
    const page = await executor
      .select()
      .from(bulkImportRows)
      .where(and(eq(bulkImportRows.importId, importId), gt(bulkImportRows.rowNumber, afterRow)))
      .orderBy(asc(bulkImportRows.rowNumber))
      .limit(pageSize);
    if (page.length === 0) return;
    yield page;
    afterRow = page.at(-1)!.rowNumber;
  }
}

/** Whether any row of the upload had a Delete User cell (so its result workbook keeps that column). */
export async function importHasDeleteCells(executor: Executor, importId: string): Promise<boolean> {
  const [found] = await executor
    .select({ one: sql`1` })
    .from(bulkImportRows)
    .where(and(eq(bulkImportRows.importId, importId), sql`${bulkImportRows.deleteCell} <> ''`))
    .limit(1);
  return found !== undefined;
}

/** The account's imports, newest first (the import page lists the recent ones). */
export async function recentImports(executor: Executor, accountId: string, limit = 10): Promise<BulkImport[]> {
  return executor.select().from(bulkImports).where(eq(bulkImports.accountId, accountId)).orderBy(desc(bulkImports.createdAt)).limit(limit);
}
