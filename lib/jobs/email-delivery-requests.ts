import { runningJobQueue } from "./running-queue";

export const EMAIL_DELIVERY_QUEUE = "email.deliver";
/**
 * Every delivery job carries this singleton key on a "singleton" queue, so at
 * most one delivery runs at a time across all app instances: no two workers
 * ever send the same email at once, and Resend's team-wide rate limit (a few
 * requests per second) would turn parallel senders into 429s anyway.
 */
export const DELIVERY_LANE = "email-delivery";
// Keeps job payloads small: a bulk import of thousands of invites becomes a few jobs.
const IDS_PER_JOB = 500;

export type EmailDeliveryJob =
  /** Right after a commit: send these emails. */
  | { emailIds: string[] }
  /** The periodic sweep: send queued emails nobody sent, and retries that are due. */
  | { overdue: true };

/**
 * Hands email ids to the delivery worker. Without a job queue in this process
 * (a CLI script) it does nothing: the server's sweep sends them within a minute.
 */
export async function requestEmailDelivery(emailIds: string[]): Promise<void> {
  const queue = runningJobQueue();
  if (!queue) return;
  const jobs = [];
  for (let start = 0; start < emailIds.length; start += IDS_PER_JOB) {
    const data: EmailDeliveryJob = { emailIds: emailIds.slice(start, start + IDS_PER_JOB) };
    jobs.push({ name: EMAIL_DELIVERY_QUEUE, data, singletonKey: DELIVERY_LANE });
  }
  await queue.boss.insert(jobs);
  // Saves the worker's polling interval: the person who sent an invite waits for nothing else.
  const workerId = queue.workers.get(EMAIL_DELIVERY_QUEUE);
  if (workerId) queue.boss.notifyWorker(workerId);
}
