import { runningJobQueue } from "./running-queue";

export const IMPORT_QUEUE = "users.import";

export type ImportJob =
  /** Apply this import's next chunks. */
  | { importId: string }
  /** The periodic sweep: pick up imports whose job was lost. */
  | { sweep: true };

/**
 * The queue's singleton key for an import: its queue is "stately", so an
 * import has at most one job running and one waiting, however often it is
 * asked for (the apply action, a job's own continuation, the sweep).
 */
export const importLane = (importId: string) => `import:${importId}`;

/** Asks the job queue to apply an import. Without a queue in this process (a script) the server's sweep picks it up. */
export async function requestImportRun(importId: string): Promise<void> {
  const queue = runningJobQueue();
  if (!queue) return;
  const data: ImportJob = { importId };
  await queue.boss.send(IMPORT_QUEUE, data, { singletonKey: importLane(importId) });
  const workerId = queue.workers.get(IMPORT_QUEUE);
  if (workerId) queue.boss.notifyWorker(workerId);
}
