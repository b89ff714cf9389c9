import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emails } from "@/db/schema";
import { queueEmail, type EmailMessage } from "@/lib/email/send";
import type { EmailTransport, OutgoingEmail } from "@/lib/email/transport";
import { DELIVERY_LANE, EMAIL_DELIVERY_QUEUE, requestEmailDelivery } from "@/lib/jobs/email-delivery-requests";
import { runningJobQueue } from "@/lib/jobs/running-queue";
import { startJobQueue, stopJobQueue } from "@/lib/jobs/start-jobs";
import { inTransaction } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

// pg-boss on the test database (through the PGlite adapter, or its own pool on
// Postgres) with a recording transport: the provider contract is
// resend-contract.test.ts's business, this file checks the jobs around it.
const { handle, driver } = useTestDatabase();

const batches: OutgoingEmail[][] = [];
const recordingTransport: EmailTransport = {
  async sendBatch(messages) {
    batches.push(messages);
    return { status: "accepted", providerIds: messages.map((_, index) => `msg_${batches.length}_${index}`) };
  },
};

beforeAll(async () => {
  const current = handle();
  // The scratch database's own URL: same server as DATABASE_URL, its own database name.
  const postgresUrl =
    current.driver === "postgres" ? Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${current.client.options.database}` }).toString() : undefined;
  await startJobQueue(current, { postgresUrl, transport: recordingTransport });
});
afterAll(() => stopJobQueue());

const reset = (to: string): EmailMessage => ({
  template: "password-reset",
  to,
  props: { name: "Dana", resetUrl: "https://rolecall.test/reset-password/tok", expiresAt: new Date("2026-03-05T14:30:00Z") },
});

async function statusesOf(ids: string[]) {
  const rows = await db().select({ status: emails.status }).from(emails).where(inArray(emails.id, ids));
  return rows.map((row) => row.status);
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe(`email delivery jobs (${driver})`, () => {
  it("delivers emails handed over after the commit, in one batch", async () => {
    const ids = await inTransaction(async (tx) => [await queueEmail(tx, reset("a@example.com"), "resend"), await queueEmail(tx, reset("b@example.com"), "resend")]);
    await requestEmailDelivery(ids);

    await eventually(async () => (await statusesOf(ids)).every((status) => status === "sent"));
    expect(batches.map((batch) => batch.map((message) => message.to).sort())).toContainEqual(["a@example.com", "b@example.com"]);
  });

  it("runs the sweep every minute on the same one-at-a-time queue", async () => {
    const { boss } = runningJobQueue()!;
    expect(await boss.getQueue(EMAIL_DELIVERY_QUEUE)).toMatchObject({ policy: "singleton" });
    const schedules = await boss.getSchedules();
    expect(schedules.filter((schedule) => schedule.name === EMAIL_DELIVERY_QUEUE)).toMatchObject([
      { cron: "* * * * *", data: { overdue: true }, options: { singletonKey: DELIVERY_LANE } },
    ]);
  });
});
