import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { queryRows, type Executor, type Transaction } from "../client";
import { bulkImportBlocks, bulkImports, type BulkImport, type ImportRowResult, type RowResult, type StoredImportRow } from "../schema";

export type { RowResult, StoredImportRow } from "../schema";

/**
 * Stores a checked upload and its rows, in blocks of `blockRows` (the apply
 * job's chunk), in the caller's transaction; returns its id. A statement per
 * block, each block's JSON made as it goes: the upload's rows are in memory
 * already, and are not copied whole a second time.
 */
export async function insertImport(
  tx: Transaction,
  upload: { accountId: string; uploadedByUserId: string; fileName: string; deleteRows: number; hasDeleteColumn: boolean },
  rows: StoredImportRow[],
  blockRows: number,
): Promise<string> {
  const [created] = await tx
    .insert(bulkImports)
    .values({ ...upload, totalRows: rows.length })
    .returning({ id: bulkImports.id });
  const importId = created!.id;
  if (!(blockRows >= 1)) throw new Error(`A block holds at least one row, not ${blockRows}`);
  for (let start = 0, block = 0; start < rows.length; start += blockRows, block++) {
    const blockOf = rows.slice(start, start + blockRows);
    await tx.insert(bulkImportBlocks).values({ importId, block, rowCount: blockOf.length, rows: JSON.stringify(blockOf) });
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

/** The first block not applied yet, with its rows in sheet order; undefined when every block is. */
export async function nextImportBlock(tx: Transaction, importId: string): Promise<{ block: number; rows: StoredImportRow[] } | undefined> {
  const [found] = await tx
    .select({ block: bulkImportBlocks.block, rows: bulkImportBlocks.rows })
    .from(bulkImportBlocks)
    .where(and(eq(bulkImportBlocks.importId, importId), isNull(bulkImportBlocks.results)))
    .orderBy(asc(bulkImportBlocks.block))
    .limit(1);
  return found && { block: found.block, rows: JSON.parse(found.rows) as StoredImportRow[] };
}

/** Whether any block of the import is still to be applied. */
export async function hasBlockToApply(tx: Transaction, importId: string): Promise<boolean> {
  const [found] = await tx
    .select({ block: bulkImportBlocks.block })
    .from(bulkImportBlocks)
    .where(and(eq(bulkImportBlocks.importId, importId), isNull(bulkImportBlocks.results)))
    .limit(1);
  return found !== undefined;
}

/** Records what applying a block did to each of its rows (in its order), and moves the progress on by as many. */
export async function recordBlockResults(tx: Transaction, importId: string, block: number, results: RowResult[]): Promise<void> {
  const [recorded] = await tx
    .update(bulkImportBlocks)
    .set({ results })
    .where(and(eq(bulkImportBlocks.importId, importId), eq(bulkImportBlocks.block, block), isNull(bulkImportBlocks.results), eq(bulkImportBlocks.rowCount, results.length)))
    .returning({ block: bulkImportBlocks.block });
  // The caller holds the import's lock: a block applied twice or a result per row missing is a bug.
  if (!recorded) throw new Error(`Block ${block} of import ${importId} was already applied, or got ${results.length} results for its rows`);
  await tx
    .update(bulkImports)
    .set({ doneRows: sql`${bulkImports.doneRows} + ${results.length}` })
    .where(eq(bulkImports.id, importId));
}

/** Marks every row of the blocks not applied yet with this result (an import stopped). */
export async function recordRemainingResults(tx: Transaction, importId: string, result: RowResult): Promise<void> {
  await tx.execute(sql`
    update ${bulkImportBlocks} set results = (select jsonb_agg(${JSON.stringify(result)}::jsonb) from generate_series(1, ${bulkImportBlocks.rowCount}))
    where ${bulkImportBlocks.importId} = ${importId} and ${bulkImportBlocks.results} is null`);
}

export type ImportCounts = Record<ImportRowResult, number>;

/** How many rows ended each way. */
export async function importResultCounts(executor: Executor, importId: string): Promise<ImportCounts> {
  const rows = await queryRows<{ result: ImportRowResult; rows: number }>(
    sql`select r.value->>'result' as result, count(*)::int as rows
      from ${bulkImportBlocks}, jsonb_array_elements(${bulkImportBlocks.results}) as r
      where ${bulkImportBlocks.importId} = ${importId}
      group by 1`,
    executor,
  );
  const counts: ImportCounts = { invited: 0, changed: 0, deleted: 0, unchanged: 0, error: 0 };
  for (const { result, rows: n } of rows) counts[result] = n;
  return counts;
}

/** A row as the result workbook shows it: as uploaded, with what applying did (nothing yet: no result). */
export type ImportRowOutcome = StoredImportRow & { result: ImportRowResult | null; error: string | null };

/** The import's rows in sheet order with their results, a block at a time: never one giant query. */
export async function* importRowPages(executor: Executor, importId: string): AsyncGenerator<ImportRowOutcome[]> {
  for (let after = -1; ; ) {
    const [found] = await executor
      .select()
      .from(bulkImportBlocks)
      .where(and(eq(bulkImportBlocks.importId, importId), gt(bulkImportBlocks.block, after)))
      .orderBy(asc(bulkImportBlocks.block))
      .limit(1);
    if (!found) return;
    const rows = JSON.parse(found.rows) as StoredImportRow[];
    yield rows.map((row, i) => ({ ...row, result: found.results?.[i]?.result ?? null, error: found.results?.[i]?.error ?? null }));
    after = found.block;
  }
}

/** The account's imports, newest first (the import page lists the recent ones). */
export async function recentImports(executor: Executor, accountId: string, limit = 10): Promise<BulkImport[]> {
  return executor.select().from(bulkImports).where(eq(bulkImports.accountId, accountId)).orderBy(desc(bulkImports.createdAt)).limit(limit);
}
