import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "@/db/client";
import { emails } from "@/db/schema";
import { env } from "@/lib/env";
import { requestEmailDelivery } from "@/lib/jobs/email-delivery-requests";
import { emailModeOf, type EmailMode } from "./config";
import { renderEmail, subjectOf, type EmailMessage } from "./render-email";

export type { EmailMessage } from "./render-email";
export type { EmailMode } from "./config";

/** "resend" when RESEND_API_KEY is set; otherwise "outbox": mail is stored for /dev/mail and never sent. */
export function emailMode(): EmailMode {
  return emailModeOf(env());
}

/**
 * Renders the message and records it in the caller's transaction (a
 * transactional outbox): the email exists exactly when the change that caused
 * it commits. Returns the email id; hand it to deliverSoon() after the commit.
 * Status "outbox" when no RESEND_API_KEY (dev outbox, nothing sent), else "queued".
 */
export async function queueEmail(executor: Executor, message: EmailMessage, mode: EmailMode = emailMode()): Promise<string> {
  const { subject, html, text } = await renderEmail(message);
  const [row] = await executor
    .insert(emails)
    .values({ template: message.template, to: message.to, subject, html, text, status: mode === "outbox" ? "outbox" : "queued" })
    .returning({ id: emails.id });
  return row!.id;
}

// One statement (a JSON array) per this many emails.
const EMAILS_PER_INSERT = 5_000;

/**
 * Records many messages at once, in the caller's transaction, like
 * queueEmail, but unrendered: the props are stored and the bodies rendered
 * when the email is delivered or viewed (lib/email/stored-bodies.ts), since
 * rendering takes milliseconds an email and a bulk import sends thousands.
 * Returns their ids.
 */
export async function queueBulkEmails(executor: Executor, messages: EmailMessage[], mode: EmailMode = emailMode()): Promise<string[]> {
  const ids: string[] = [];
  const status = mode === "outbox" ? "outbox" : "queued";
  for (let start = 0; start < messages.length; start += EMAILS_PER_INSERT) {
    const chunk = messages.slice(start, start + EMAILS_PER_INSERT).map((message) => ({ ...message, subject: subjectOf(message) }));
    const rows = await queryRows<{ id: string }>(
      sql`insert into ${emails} (template, "to", subject, props, status)
        select m.template, m."to", m.subject, m.props, ${status}::email_status
        from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as m(template text, "to" text, subject text, props jsonb)
        returning id`,
      executor,
    );
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

/**
 * Call after the caller's transaction committed: asks the job queue to deliver
 * these now. Never throws — the change already happened, and the periodic sweep
 * delivers whatever this could not hand over. No-op in outbox mode.
 */
export async function deliverSoon(emailIds: string[]): Promise<void> {
  if (emailIds.length === 0 || emailMode() === "outbox") return;
  try {
    await requestEmailDelivery(emailIds);
  } catch (error) {
    // The message only: errors here come from the job queue, never carry email bodies or keys.
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Could not queue delivery of ${emailIds.length} email(s); the sweep will send them within minutes: ${reason}`);
  }
}
