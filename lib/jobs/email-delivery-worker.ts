import type PgBoss from "pg-boss";
import { deliverEmails, deliverOverdueEmails, type DeliveryOutcome } from "@/lib/email/deliver";
import type { EmailTransport } from "@/lib/email/transport";
import { withoutDetails } from "@/lib/describe-error";
import { DELIVERY_LANE, EMAIL_DELIVERY_QUEUE, type EmailDeliveryJob } from "./email-delivery-requests";

const EVERY_MINUTE = "* * * * *";

/** Creates the delivery queue, its worker and the sweep schedule; returns the worker id. */
export async function startEmailDelivery(boss: PgBoss, transport: EmailTransport): Promise<string> {
  await boss.createQueue(EMAIL_DELIVERY_QUEUE, {
    name: EMAIL_DELIVERY_QUEUE,
    policy: "singleton",
    // Job retries cover the worker's own failures (a database hiccup, a crash);
    // a refused or failed send is retried per email by the sweep instead.
    retryLimit: 3,
    retryDelay: 30,
    retryBackoff: true,
    // Above the longest run (lib/email/deliver.ts: one minute of batches plus
    // the last one's timeouts and pauses), so a slow run is never taken for a
    // dead one; short, because a dead one blocks the lane until it expires.
    expireInSeconds: 5 * 60,
  });

  const workerId = await boss.work<EmailDeliveryJob>(EMAIL_DELIVERY_QUEUE, async ([job]) => withoutDetails(async () => {
    if (!job) return;
    const outcome = "emailIds" in job.data ? await deliverEmails(job.data.emailIds, transport) : await deliverOverdueEmails(transport);
    if ("emailIds" in job.data && outcome.retryAfterSeconds !== undefined && outcome.pending > 0) {
      // The provider asked for a pause: come back for the same emails after it.
      await boss.send(EMAIL_DELIVERY_QUEUE, job.data, { singletonKey: DELIVERY_LANE, startAfter: outcome.retryAfterSeconds });
    }
    reportTrouble(outcome);
    return outcome;
  }));

  await boss.schedule(EMAIL_DELIVERY_QUEUE, EVERY_MINUTE, { overdue: true } satisfies EmailDeliveryJob, { singletonKey: DELIVERY_LANE });
  return workerId;
}

// Counts only: recipients and bodies stay out of logs.
function reportTrouble({ sent, failed, pending, retryAfterSeconds }: DeliveryOutcome): void {
  if (failed === 0 && pending === 0) return;
  const pause = retryAfterSeconds === undefined ? "" : `, provider asked to wait ${retryAfterSeconds}s`;
  console.warn(`Email delivery: ${sent} sent, ${failed} gave up, ${pending} still queued${pause}.`);
}
