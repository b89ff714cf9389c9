import type { Executor } from "@/db/client";
import { emails } from "@/db/schema";
import { env } from "@/lib/env";
import { requestEmailDelivery } from "@/lib/jobs/email-delivery-requests";
import { emailModeOf, type EmailMode } from "./config";
import { renderEmail, type EmailMessage } from "./render-email";

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
