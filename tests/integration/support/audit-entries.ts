import { gt, sql } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db/client";
import { auditEvents, type AuditEvent } from "@/db/schema";

async function lastEventId(): Promise<number> {
  const [row] = await db().select({ id: sql<number>`coalesce(max(${auditEvents.id}), 0)::int` }).from(auditEvents);
  return row!.id;
}

/** The audit entries an operation wrote, oldest first. */
export async function entriesWrittenBy(operation: () => Promise<unknown>): Promise<AuditEvent[]> {
  const mark = await lastEventId();
  await operation();
  return db().select().from(auditEvents).where(gt(auditEvents.id, mark)).orderBy(auditEvents.id);
}

/** Runs one operation and answers its result with the single entry it wrote (failing on none or several). */
export async function onlyEntryOf<T>(operation: () => Promise<T>): Promise<{ result: T; entry: AuditEvent }> {
  let result: T;
  const written = await entriesWrittenBy(async () => {
    result = await operation();
  });
  expect(written.map((entry) => entry.action), "one operation writes exactly one audit entry").toHaveLength(1);
  return { result: result!, entry: written[0]! };
}
