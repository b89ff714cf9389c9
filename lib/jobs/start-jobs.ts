import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { DatabaseHandle } from "@/db/client";
import { resendConfigOf } from "@/lib/email/config";
import { createResendTransport } from "@/lib/email/resend-transport";
import type { EmailTransport } from "@/lib/email/transport";
import { env } from "@/lib/env";
import { EMAIL_DELIVERY_QUEUE } from "./email-delivery-requests";
import { startEmailDelivery } from "./email-delivery-worker";
import { IMPORT_QUEUE } from "./import-requests";
import { startImportWorker, type ImportWorkerOptions } from "./import-worker";
import { runningJobQueue, setRunningJobQueue } from "./running-queue";

type StartOptions = {
  /** Postgres only: pg-boss opens its own small pool. Defaults to DATABASE_URL. */
  postgresUrl?: string;
  /** Defaults to Resend, configured from the environment; without RESEND_API_KEY mail stays in the dev outbox and nothing delivers it. */
  transport?: EmailTransport;
  imports?: ImportWorkerOptions;
  /** How often pg-boss looks for jobs whose worker died (tests make it short). */
  maintenanceIntervalSeconds?: number;
};

/**
 * PGlite is one in-process connection with no server to connect to: pg-boss
 * runs its SQL through it. Statements with parameters go through query();
 * pg-boss's parameterless scripts can hold several statements, which only
 * exec() runs.
 */
function pgliteAdapter(client: PGlite): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (values?.length) return client.query(text, values);
      const results = await client.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
  };
}

function transportFromEnv(): EmailTransport | undefined {
  const config = resendConfigOf(env());
  return config ? createResendTransport(config) : undefined;
}

/**
 * Starts pg-boss on the app's database: the bulk import worker and, with a
 * mail provider, the email delivery worker, each with its sweep. Once per process.
 */
export async function startJobQueue(handle: DatabaseHandle, options: StartOptions = {}): Promise<void> {
  if (runningJobQueue()) return;
  const transport = options.transport ?? transportFromEnv();
  const connection: PgBoss.ConstructorOptions =
    handle.driver === "pglite"
      ? { db: pgliteAdapter(handle.client) }
      : { connectionString: options.postgresUrl ?? env().DATABASE_URL, max: 3, application_name: "rolecall-jobs" };
  const boss = new PgBoss({ ...connection, ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}) });
  // pg-boss reports background failures (maintenance, polling) as events; unheard, they would crash the process.
  boss.on("error", (error) => console.error(`Job queue error: ${error.message}`));
  await boss.start();
  const workers = new Map([[IMPORT_QUEUE, await startImportWorker(boss, options.imports)]]);
  if (transport) workers.set(EMAIL_DELIVERY_QUEUE, await startEmailDelivery(boss, transport));
  setRunningJobQueue({ boss, workers });
  for (const signal of SHUTDOWN_SIGNALS) process.once(signal, releaseOnShutdown);
}

const SHUTDOWN_SIGNALS = ["SIGINT", "SIGTERM"] as const;

// The server exits soon after a signal, without waiting for us. A delivery job
// left active would hold the one-at-a-time delivery lane until it expires, so
// it is handed back for a retry at once; resending its batch is harmless (same
// idempotency key, rows marked sent only from queued). An import job handed
// back resumes at its first row without a result.
function releaseOnShutdown(): void {
  stopJobQueue({ graceful: false }).catch((error: Error) => console.error(`Job queue did not stop cleanly: ${error.message}`));
}

/** Stops the workers; gracefully lets a running delivery finish first. */
export async function stopJobQueue({ graceful = true } = {}): Promise<void> {
  const queue = runningJobQueue();
  if (!queue) return;
  setRunningJobQueue(undefined);
  for (const signal of SHUTDOWN_SIGNALS) process.off(signal, releaseOnShutdown);
  await queue.boss.stop({ graceful, wait: true, timeout: 30_000 });
}
