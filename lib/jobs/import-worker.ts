import { inArray } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { db } from "@/db/client";
import { bulkImports } from "@/db/schema";
import { applyImportChunk, recordFailedRun } from "@/lib/bulk/apply-import";
import { withoutDetails } from "@/lib/describe-error";
import { IMPORT_QUEUE, importLane, type ImportJob } from "./import-requests";

const EVERY_MINUTE = "* * * * *";
// A run applies chunks for this long, then hands the rest to a new job, so
// no job outlives its expiry however big the file.
const RUN_BUDGET_MS = 20_000;

export type ImportWorkerOptions = {
  /**
   * How long a job may stay active before pg-boss takes its worker for dead
   * and retries it: above the run budget and one chunk, and short, since that
   * is how soon an import whose worker crashed resumes.
   */
  expireInSeconds?: number;
};

/** Creates the import queue, its worker and the sweep schedule; returns the worker id. */
export async function startImportWorker(boss: PgBoss, { expireInSeconds = 120 }: ImportWorkerOptions = {}): Promise<string> {
  await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, policy: "stately", retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds });
  const workerId = await boss.work<ImportJob>(IMPORT_QUEUE, async ([job]) => {
    if (!job) return;
    const { data } = job;
    if ("sweep" in data) return withoutDetails(() => resumeUnfinishedImports(boss));
    return withoutDetails(async () => {
      try {
        await applyFor(RUN_BUDGET_MS, data.importId, boss);
      } catch (error) {
        await recordFailedRun(data.importId);
        throw error;
      }
    });
  });
  await boss.schedule(IMPORT_QUEUE, EVERY_MINUTE, { sweep: true } satisfies ImportJob, { singletonKey: "import-sweep" });
  // At start, not a minute later: imports a stopped server left underway carry on at once.
  await resumeUnfinishedImports(boss);
  return workerId;
}

/** Applies chunks until the budget is spent, then hands the rest to a fresh job. */
async function applyFor(budgetMs: number, importId: string, boss: PgBoss): Promise<void> {
  const deadline = Date.now() + budgetMs;
  let outcome = await applyImportChunk(importId);
  while (outcome === "more" && Date.now() < deadline) outcome = await applyImportChunk(importId);
  if (outcome === "more") await boss.send(IMPORT_QUEUE, { importId } satisfies ImportJob, { singletonKey: importLane(importId) });
}

/**
 * Every import still underway gets a job. One whose job is waiting or running
 * is not doubled (the queue keeps one of each per import); one whose request
 * was lost (the process stopped right after the commit) starts again.
 */
async function resumeUnfinishedImports(boss: PgBoss): Promise<void> {
  const underway = await db().select({ id: bulkImports.id }).from(bulkImports).where(inArray(bulkImports.status, ["queued", "running"]));
  for (const { id } of underway) await boss.send(IMPORT_QUEUE, { importId: id } satisfies ImportJob, { singletonKey: importLane(id) });
}
