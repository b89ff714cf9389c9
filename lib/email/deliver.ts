import { createHash } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { emails } from "@/db/schema";
import { bodiesOf, type EmailBodies, type StoredEmail } from "./stored-bodies";
import type { BatchSendResult, EmailTransport, OutgoingEmail } from "./transport";

/** Resend takes at most 100 messages per batch call. */
export const BATCH_LIMIT = 100;
/** After this many failed sends a message is marked failed and left alone. */
export const MAX_ATTEMPTS = 10;
// A queued row the sweep takes over: 30 s after it was queued (its job should
// have sent it by then), then with the delay doubling after every failed try,
// so ten tries span about four hours of provider trouble.
const FIRST_RETRY_SECONDS = 30;
// Short rate-limit pauses are waited out in place; longer ones end the run.
const LONGEST_PAUSE_IN_PLACE_SECONDS = 10;
const PAUSES_PER_BATCH = 3;
// A run stops starting new batches after this, so one job never holds the
// delivery lane (or outlives its job's expiry) for long; the sweep goes on.
const RUN_BUDGET_MS = 60_000;
const SWEEP_LIMIT = 1_000;

export type DeliveryOutcome = {
  sent: number;
  /** Gave up after MAX_ATTEMPTS. */
  failed: number;
  /** Still queued after this run: retried later by the sweep. */
  pending: number;
  /** Set when the provider asked us to pause for longer than we wait in place. */
  retryAfterSeconds?: number;
};

export type DeliveryOptions = { sleep?: (ms: number) => Promise<void>; budgetMs?: number };

type QueuedEmail = StoredEmail;

const queuedColumns = { id: emails.id, template: emails.template, to: emails.to, subject: emails.subject, html: emails.html, text: emails.text, props: emails.props };
const isQueued = eq(emails.status, "queued");

/** Sends these emails if they are still queued (a job's work right after the change that queued them). */
export async function deliverEmails(emailIds: string[], transport: EmailTransport, options: DeliveryOptions = {}): Promise<DeliveryOutcome> {
  if (emailIds.length === 0) return { sent: 0, failed: 0, pending: 0 };
  const rows = await db()
    .select(queuedColumns)
    .from(emails)
    .where(and(inArray(emails.id, emailIds), isQueued))
    .orderBy(asc(emails.createdAt), asc(emails.id));
  return sendInBatches(rows, transport, options);
}

/** Sends queued emails whose job never sent them (a crash, a lost job) or whose retry is due. */
export async function deliverOverdueEmails(transport: EmailTransport, options: DeliveryOptions = {}): Promise<DeliveryOutcome> {
  const rows = await db()
    .select(queuedColumns)
    .from(emails)
    .where(and(isQueued, sql`${emails.createdAt} <= now() - make_interval(secs => ${FIRST_RETRY_SECONDS} * power(2, ${emails.attempts}))`))
    .orderBy(asc(emails.createdAt), asc(emails.id))
    .limit(SWEEP_LIMIT);
  return sendInBatches(rows, transport, options);
}

/**
 * The provider keeps a key for 24 hours and sends a request with a known key
 * only once. The key is the batch's set of row ids, and rows are always batched
 * in (created_at, id) order, so a batch resent after a crash (sent, but not yet
 * marked) carries the same key and is not sent twice.
 */
export function idempotencyKeyFor(emailIds: string[]): string {
  return `rolecall-emails/${createHash("sha256").update([...emailIds].sort().join(",")).digest("hex")}`;
}

async function sendInBatches(rows: QueuedEmail[], transport: EmailTransport, options: DeliveryOptions): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = { sent: 0, failed: 0, pending: rows.length };
  const deadline = Date.now() + (options.budgetMs ?? RUN_BUDGET_MS);
  for (let start = 0; start < rows.length && Date.now() < deadline; start += BATCH_LIMIT) {
    const candidates = rows.slice(start, start + BATCH_LIMIT);
    const bodies = await bodiesOf(candidates);
    // A message that cannot be rendered counts a failed try (and is given up on after the last), without holding up the rest.
    const unrenderable = candidates.filter((row) => bodies.get(row.id) === null);
    if (unrenderable.length > 0) {
      const failed = await recordFailure(unrenderable, "The email could not be rendered from its template.");
      outcome.failed += failed;
      outcome.pending -= failed;
    }
    const batch = candidates.filter((row) => bodies.get(row.id) !== null);
    if (batch.length === 0) continue;
    const result = await sendPatiently(batch, bodies, transport, options.sleep ?? pause);
    if (result.status === "rate-limited") {
      outcome.retryAfterSeconds = result.retryAfterSeconds;
      break;
    }
    if (result.status === "accepted") {
      const sent = await markSent(batch, result.providerIds);
      outcome.sent += sent;
      outcome.pending -= sent;
    } else {
      const failed = await recordFailure(batch, result.error);
      outcome.failed += failed;
      outcome.pending -= failed;
      // An outage fails every batch alike: leave the rest for the sweep instead of spending their attempts.
      if (result.transient) break;
    }
  }
  return outcome;
}

async function sendPatiently(batch: QueuedEmail[], bodies: Map<string, EmailBodies | null>, transport: EmailTransport, sleep: (ms: number) => Promise<void>): Promise<BatchSendResult> {
  const messages: OutgoingEmail[] = batch.map(({ id, to, subject }) => ({ to, subject, ...bodies.get(id)! }));
  const key = idempotencyKeyFor(batch.map((row) => row.id));
  for (let pauses = 0; ; pauses++) {
    const result = await transport.sendBatch(messages, key);
    const waitInPlace = result.status === "rate-limited" && result.retryAfterSeconds <= LONGEST_PAUSE_IN_PLACE_SECONDS && pauses < PAUSES_PER_BATCH;
    if (!waitInPlace) return result;
    await sleep(result.retryAfterSeconds * 1000);
  }
}

/**
 * Only rows still queued become sent, so two workers racing on a row cannot
 * both mark it. The bodies are cleared: they can hold one-time links, and the
 * provider has them now.
 */
async function markSent(batch: QueuedEmail[], providerIds: (string | undefined)[]): Promise<number> {
  const providerIdOf = sql.join(
    batch.map((row, index) => sql`when ${emails.id} = ${row.id} then ${providerIds[index] ?? null}::text`),
    sql` `,
  );
  const marked = await db()
    .update(emails)
    .set({ status: "sent", providerMessageId: sql`case ${providerIdOf} end`, html: null, text: null, props: null, sentAt: sql`now()` })
    .where(and(inArray(emails.id, batch.map((row) => row.id)), isQueued))
    .returning({ id: emails.id });
  return marked.length;
}

/** Counts a failed try on each row; returns how many reached MAX_ATTEMPTS and are now failed. */
async function recordFailure(batch: QueuedEmail[], error: string): Promise<number> {
  const updated = await db()
    .update(emails)
    .set({
      attempts: sql`${emails.attempts} + 1`,
      lastError: error,
      status: sql`case when ${emails.attempts} + 1 >= ${MAX_ATTEMPTS} then 'failed'::email_status else ${emails.status} end`,
      // A message given up on is never sent, so its one-time links must not outlive it in the table.
      html: sql`case when ${emails.attempts} + 1 >= ${MAX_ATTEMPTS} then null else ${emails.html} end`,
      text: sql`case when ${emails.attempts} + 1 >= ${MAX_ATTEMPTS} then null else ${emails.text} end`,
      props: sql`case when ${emails.attempts} + 1 >= ${MAX_ATTEMPTS} then null else ${emails.props} end`,
    })
    .where(and(inArray(emails.id, batch.map((row) => row.id)), isQueued))
    .returning({ status: emails.status });
  return updated.filter((row) => row.status === "failed").length;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
