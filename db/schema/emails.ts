import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { emailStatus } from "./enums";

// Every email the app sends, written in the same transaction as the change
// that causes it (a transactional outbox): a job delivers it, with the row's
// id as the provider's idempotency key, so an email is never lost and never
// sent twice. Without a provider the rows are the dev outbox (/dev/mail).
export const emails = pgTable(
  "emails",
  {
    id: uuid().primaryKey().defaultRandom(),
    template: text().notNull(),
    to: text().notNull(),
    subject: text().notNull(),
    // Cleared once the provider has the message: bodies can hold one-time links.
    html: text(),
    text: text(),
    // Bulk sends store the template's props instead of bodies and are rendered
    // when delivered or viewed (lib/email/bodies.ts): rendering thousands of
    // invitations would hold an import's transaction for minutes. Cleared with the bodies.
    props: jsonb().$type<Record<string, unknown>>(),
    status: emailStatus().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    providerMessageId: text(),
    lastError: text(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("emails_status_created_idx").on(t.status, t.createdAt)],
);

export type Email = typeof emails.$inferSelect;
export type NewEmail = typeof emails.$inferInsert;
