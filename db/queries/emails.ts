import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "../client";
import { emails, type Email } from "../schema";

/** Where a page of the dev outbox ended: the database's own timestamp text, so no microseconds are lost. */
export type OutboxCursor = { createdAt: string; id: string };

export type OutboxEmailSummary = Pick<Email, "id" | "to" | "subject" | "template" | "createdAt">;

/** The dev outbox, newest first, one keyset page at a time. */
export async function listOutboxEmails(after: OutboxCursor | undefined, limit: number) {
  const rows = await db()
    .select({
      id: emails.id,
      to: emails.to,
      subject: emails.subject,
      template: emails.template,
      createdAt: emails.createdAt,
      sortKey: sql<string>`${emails.createdAt}::text`,
    })
    .from(emails)
    .where(
      and(
        eq(emails.status, "outbox"),
        after ? sql`(${emails.createdAt}, ${emails.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next: OutboxCursor | undefined = rows.length > limit && last ? { createdAt: last.sortKey, id: last.id } : undefined;
  return { rows: page.map(({ sortKey: _, ...row }): OutboxEmailSummary => row), next };
}

export async function findOutboxEmail(id: string): Promise<Email | undefined> {
  const [row] = await db().select().from(emails).where(and(eq(emails.id, id), eq(emails.status, "outbox")));
  return row;
}
