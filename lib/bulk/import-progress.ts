import type { Executor } from "@/db/client";
import { findImport, importResultCounts, type ImportCounts } from "@/db/queries/bulk-imports";
import type { BulkImportStatus } from "@/db/schema";

/** What the import's page shows, and polls for while the job runs. */
export type ImportProgress = {
  id: string;
  fileName: string;
  status: BulkImportStatus;
  totalRows: number;
  doneRows: number;
  // Once the import has ended: how many rows ended each way.
  counts?: ImportCounts;
  failure: string | null;
};

/** An import of this account as its page shows it, or undefined. */
export async function importProgress(executor: Executor, accountId: string, importId: string): Promise<ImportProgress | undefined> {
  const record = await findImport(executor, accountId, importId);
  if (!record) return undefined;
  const ended = record.status === "finished" || record.status === "failed";
  return {
    id: record.id,
    fileName: record.fileName,
    status: record.status,
    totalRows: record.totalRows,
    doneRows: record.doneRows,
    counts: ended ? await importResultCounts(executor, record.id) : undefined,
    failure: record.failure,
  };
}
