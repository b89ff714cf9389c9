import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { importResultCounts } from "@/db/queries/bulk-imports";
import { bulkImports, emails, invitations, memberships, users } from "@/db/schema";
import type { ImportRow } from "@/lib/bulk/plan-import";
import { previewUpload } from "@/lib/bulk/preview-upload";
import { startImport } from "@/lib/bulk/start-import";
import { startJobQueue, stopJobQueue } from "@/lib/jobs/start-jobs";
import { inTransaction, reachingAccessAs } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
const ROWS = 5_000;
const emailOf = (i: number) => `crash${i}@bulk.test`;

async function progress(importId: string) {
  const [record] = await db().select({ status: bulkImports.status, doneRows: bulkImports.doneRows }).from(bulkImports).where(eq(bulkImports.id, importId));
  return record!;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function startWorkerProcess(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "support/import-worker-process.ts")], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("worker ready") && resolve(child));
    child.on("exit", (code) => reject(new Error(`The worker process exited (${code}) before it was ready`)));
  });
}

// A real crash needs a second process on the same database, which only a
// Postgres server allows (PGlite is one process's); on PGlite,
// apply-import.test.ts makes a chunk die inside its transaction instead.
describe.skipIf(database.driver !== "postgres")("a bulk import whose worker process is killed", () => {
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    await seedDemoData();
  });
  afterAll(async () => {
    child?.kill("SIGKILL");
    await stopJobQueue({ graceful: false });
  });

  it("resumes in a new worker and ends with exactly one result, one invitation and one email per row", async () => {
    const rows: ImportRow[] = Array.from({ length: ROWS }, (_, i) => ({ rowNumber: i + 2, email: emailOf(i), role: "Member", name: `Crash ${i}`, license: "", delete: "" }));
    const actor = await reachingAccessAs("superuser@acme.test", "acme");
    // In chunks of 500, so the worker dies with some applied and more to go.
    const { importId } = await inTransaction((tx) => previewUpload(tx, actor, { fileName: "crash.xlsx", rows }, 500));
    await inTransaction((tx) => startImport(tx, actor, { importId }));

    child = await startWorkerProcess(database.url()!);
    const midway = await until(() => progress(importId), (p) => p.doneRows > 0, 60_000);
    child.kill("SIGKILL");
    await new Promise((resolve) => child!.once("exit", resolve));
    const atCrash = await progress(importId);
    expect(midway.doneRows).toBeGreaterThan(0);
    expect(atCrash.doneRows).toBeLessThan(ROWS);

    // A new worker (this process) finds the import underway; pg-boss hands it the dead worker's job once it expires.
    await startJobQueue(database.handle(), { postgresUrl: database.url(), maintenanceIntervalSeconds: 1, imports: { expireInSeconds: 3 } });
    const finished = await until(() => progress(importId), (p) => p.status === "finished", 120_000);
    expect(finished).toEqual({ status: "finished", doneRows: ROWS });

    expect(await importResultCounts(db(), importId)).toEqual({ invited: ROWS, changed: 0, deleted: 0, unchanged: 0, error: 0 });
    const addresses = rows.map((row) => row.email);
    const invitationEmails = await db()
      .select({ to: emails.to, n: sql<number>`count(*)::int` })
      .from(emails)
      .where(and(eq(emails.template, "invitation"), inArray(emails.to, addresses)))
      .groupBy(emails.to);
    expect(invitationEmails).toHaveLength(ROWS);
    expect(invitationEmails.every((email) => email.n === 1)).toBe(true);
    const [links] = await db().select({ n: sql<number>`count(*)::int` }).from(invitations).innerJoin(users, eq(users.email, invitations.email)).where(inArray(users.email, addresses));
    const [invited] = await db().select({ n: sql<number>`count(*)::int` }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(inArray(users.email, addresses));
    expect({ links: links!.n, invited: invited!.n }).toEqual({ links: ROWS, invited: ROWS });
  }, 180_000);
});
