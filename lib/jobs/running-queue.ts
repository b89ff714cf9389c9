import type PgBoss from "pg-boss";

// Type-only import: server actions reach the queue through this registry, so
// pg-boss itself is loaded only by the process start-up (lib/jobs/start-jobs.ts).
// Kept on globalThis because Next.js loads instrumentation and route bundles
// as separate module graphs in one process.
const GLOBAL_KEY = Symbol.for("rolecall.jobQueue");

export type RunningJobQueue = {
  boss: PgBoss;
  /** Worker ids by queue name, to wake a worker right after sending it a job. */
  workers: Map<string, string>;
};

type GlobalWithQueue = typeof globalThis & { [GLOBAL_KEY]?: RunningJobQueue };

/** The job queue this process started, if any (scripts and tests start none). */
export function runningJobQueue(): RunningJobQueue | undefined {
  return (globalThis as GlobalWithQueue)[GLOBAL_KEY];
}

export function setRunningJobQueue(queue: RunningJobQueue | undefined): void {
  (globalThis as GlobalWithQueue)[GLOBAL_KEY] = queue;
}
