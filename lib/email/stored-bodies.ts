import type { Email } from "@/db/schema";
import { renderEmail, type EmailMessage, type RenderedEmail } from "./render-email";

export type StoredEmail = Pick<Email, "id" | "template" | "to" | "subject" | "html" | "text" | "props">;
export type EmailBodies = { html: string; text: string };

// The one prop of each template that differs between the recipients of a bulk
// send (their own one-time link): everything else is shared, so a batch of
// invitations from one import renders once and each copy gets its own link.
const RECIPIENT_LINK: Partial<Record<EmailMessage["template"], string>> = { invitation: "inviteUrl", "password-reset": "resetUrl" };
const LINK_PLACEHOLDER = "https://rolecall.invalid/recipient-link";

const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A stored message as its template takes it: JSON turned dates into strings. */
function messageOf(row: StoredEmail): EmailMessage {
  const props = { ...row.props } as Record<string, unknown>;
  if (typeof props.expiresAt === "string") props.expiresAt = new Date(props.expiresAt);
  return { template: row.template, to: row.to, props } as EmailMessage;
}

/**
 * The bodies of stored emails, by id: those rendered when queued as they are,
 * the others (bulk sends) rendered now from their props, once per group of
 * messages that differ only in the recipient's link. Null for a message that
 * cannot be rendered (its props no longer fit its template): one bad message
 * must not hold up the others.
 */
export async function bodiesOf(rows: StoredEmail[]): Promise<Map<string, EmailBodies | null>> {
  const shared = new Map<string, Promise<RenderedEmail>>();
  const bodies = await Promise.all(
    rows.map(async (row): Promise<EmailBodies | null> => {
      if (row.html !== null || !row.props) return { html: row.html ?? "", text: row.text ?? "" };
      const message = messageOf(row);
      const field = RECIPIENT_LINK[message.template];
      const link = field ? (message.props as Record<string, unknown>)[field] : undefined;
      if (!field || typeof link !== "string") return renderEmail(message);
      const template = { ...message, props: { ...message.props, [field]: LINK_PLACEHOLDER } } as EmailMessage;
      const key = JSON.stringify([template.template, template.props]);
      if (!shared.has(key)) shared.set(key, renderEmail(template));
      const { html, text } = await shared.get(key)!;
      // Rendered apart whenever the placeholder did not come through verbatim.
      if (!html.includes(LINK_PLACEHOLDER) || !text.includes(LINK_PLACEHOLDER)) return renderEmail(message);
      return { html: html.replaceAll(LINK_PLACEHOLDER, escapeAttribute(link)), text: text.replaceAll(LINK_PLACEHOLDER, link) };
    }).map((rendering) => rendering.catch(() => null)),
  );
  return new Map(rows.map((row, index) => [row.id, bodies[index]!]));
}
