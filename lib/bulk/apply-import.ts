import { eq, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { hasBlockToApply, importResultCounts, lockImport, nextImportBlock, recordBlockResults, recordRemainingResults, type ImportCounts } from "@/db/queries/bulk-imports";
import { accounts, bulkImports, type BulkImport } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import { deliverSoon } from "@/lib/email/send";
import { lockAccountAsActor } from "@/lib/members/membership-guards";
import { sendNotifications } from "@/lib/notifications/send-notifications";
import { applyImportRows } from "./apply-import-rows";
import { importActor } from "./import-actor";

export type ChunkOutcome = "more" | "done";

/**
 * Applies the next chunk of a queued or running import (a block the preview
 * stored, IMPORT_CHUNK_ROWS rows), as its uploader, in one transaction: the
 * rows' changes, their results and the progress commit together, so a crash
 * at any point leaves every row either applied and recorded or untouched, and
 * the next run picks up at the first block without results. Invitation
 * emails are queued in the same transaction (exactly one per invited row) and
 * handed to delivery after the commit. Finishing (or failing, once the
 * uploader may no longer apply it) notifies the uploader.
 */
export async function applyImportChunk(importId: string): Promise<ChunkOutcome> {
  const [record] = await db().select().from(bulkImports).where(eq(bulkImports.id, importId));
  if (!record || !isUnderway(record)) return "done";
  const actor = await importActor(record);
  const { outcome, emailIds } = await db().transaction(async (tx) => {
    const locked = await lockImport(tx, importId);
    if (!locked || !isUnderway(locked)) return { outcome: "done" as const, emailIds: [] };
    if (!actor) return { outcome: "done" as const, emailIds: await failImport(tx, locked, FAILURE_ACCESS) };
    try {
      await lockAccountAsActor(tx, actor);
    } catch (error) {
      // Their role changed while this waited for the lock: read their access again, next chunk.
      if (error instanceof ActionError) return { outcome: "more" as const, emailIds: [] };
      throw error;
    }
    if (locked.status === "queued") await tx.update(bulkImports).set({ status: "running" }).where(eq(bulkImports.id, importId));
    const next = await nextImportBlock(tx, importId);
    const applied = next ? await applyImportRows(tx, actor, next.rows) : { results: [], emailIds: [] };
    if (next) await recordBlockResults(tx, importId, next.block, applied.results);
    if (next && (await hasBlockToApply(tx, importId))) return { outcome: "more" as const, emailIds: applied.emailIds };
    return { outcome: "done" as const, emailIds: [...applied.emailIds, ...(await finishImport(tx, locked, actor.account))] };
  });
  await deliverSoon(emailIds);
  return outcome;
}

const isUnderway = (record: BulkImport) => record.status === "queued" || record.status === "running";

/** After this many runs that died with an unexpected error, the import stops instead of retrying forever. */
export const MAX_FAILED_RUNS = 5;
const FAILURE_ERRORS = "Applying the file failed again and again on our side, so the rest of it was not applied. Upload the rows left, from the result workbook, once more.";

/**
 * Counts a run of the apply job that died with an unexpected error (the
 * chunk it was on rolled back); the one that reaches MAX_FAILED_RUNS stops
 * the import, its remaining rows marked, the uploader told.
 */
export async function recordFailedRun(importId: string): Promise<void> {
  const emailIds = await db().transaction(async (tx) => {
    const locked = await lockImport(tx, importId);
    if (!locked || !isUnderway(locked)) return [];
    const [counted] = await tx
      .update(bulkImports)
      .set({ failedRuns: sql`${bulkImports.failedRuns} + 1` })
      .where(eq(bulkImports.id, importId))
      .returning({ failedRuns: bulkImports.failedRuns });
    return counted!.failedRuns >= MAX_FAILED_RUNS ? failImport(tx, locked, FAILURE_ERRORS) : [];
  });
  await deliverSoon(emailIds);
}

const FAILURE_ACCESS = "The person who uploaded the file may no longer manage users in bulk in this account, so the rest of it was not applied.";

export function importSummary(total: number, counts: ImportCounts): string {
  const parts = [
    counts.invited ? `${counts.invited.toLocaleString("en-US")} invited` : "",
    counts.changed ? `${counts.changed.toLocaleString("en-US")} changed` : "",
    counts.deleted ? `${counts.deleted.toLocaleString("en-US")} deleted` : "",
    counts.unchanged ? `${counts.unchanged.toLocaleString("en-US")} unchanged` : "",
    counts.error ? `${counts.error.toLocaleString("en-US")} ${counts.error === 1 ? "error" : "errors"}` : "",
  ].filter(Boolean);
  return `Import of ${total.toLocaleString("en-US")} ${total === 1 ? "row" : "rows"} finished: ${parts.join(", ") || "nothing to do"}`;
}

type AccountNames = { slug: string; name: string };

async function accountOf(tx: Transaction, accountId: string): Promise<AccountNames> {
  const [account] = await tx.select({ slug: accounts.slug, name: accounts.name }).from(accounts).where(eq(accounts.id, accountId));
  return account!;
}

/** Tells the uploader how their import ended, linking to its page; returns the email ids to deliver. */
function tellUploader(tx: Transaction, record: BulkImport, account: AccountNames, notice: { kind: "import_finished" | "import_failed"; title: string; body: string }) {
  return sendNotifications(tx, [
    {
      ...notice,
      userId: record.uploadedByUserId,
      accountId: record.accountId,
      accountName: account.name,
      link: `/a/${account.slug}/settings/users/import/${record.id}`,
    },
  ]);
}

async function finishImport(tx: Transaction, record: BulkImport, account: AccountNames): Promise<string[]> {
  await tx.update(bulkImports).set({ status: "finished", finishedAt: sql`now()` }).where(eq(bulkImports.id, record.id));
  const counts = await importResultCounts(tx, record.id);
  return tellUploader(tx, record, account, { kind: "import_finished", title: importSummary(record.totalRows, counts), body: record.fileName });
}

/** Stops an import: the rows not yet applied are marked as not applied, with the reason; the uploader is told. */
async function failImport(tx: Transaction, record: BulkImport, failure: string): Promise<string[]> {
  await recordRemainingResults(tx, record.id, { result: "error", error: failure });
  await tx.update(bulkImports).set({ status: "failed", failure, finishedAt: sql`now()`, doneRows: record.totalRows }).where(eq(bulkImports.id, record.id));
  const title = `Import of ${record.totalRows.toLocaleString("en-US")} rows stopped`;
  return tellUploader(tx, record, await accountOf(tx, record.accountId), { kind: "import_failed", title, body: `${record.fileName}\n${failure}` });
}
