import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "../client";
import { notifications, type NotificationKind } from "../schema";

export type NewNotification = {
  userId: string;
  accountId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  link: string;
};

export type NotificationView = {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
};

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** Adds notifications in one multi-row insert, in the caller's transaction. */
export async function notify(executor: Executor, rows: NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await executor.insert(notifications).values(rows.map((row) => ({ ...row, body: row.body ?? "" })));
}

/**
 * A person's notifications, newest first, a page at a time. The cursor is the
 * id of the last one shown; its (created_at, id) is read in the same query, so
 * the comparison keeps Postgres's microseconds (a JS Date would drop them), and
 * an id that is not the person's own matches nothing.
 */
export async function listNotifications(
  userId: string,
  { limit = NOTIFICATIONS_PAGE_SIZE, before }: { limit?: number; before?: string } = {},
): Promise<NotificationView[]> {
  const after = before
    ? sql`(${notifications.createdAt}, ${notifications.id}) < (select n.created_at, n.id from notifications n where n.id = ${before} and n.user_id = ${userId})`
    : undefined;
  return db()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), after))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(Math.max(1, Math.min(limit, 100)));
}

/** How many of a person's notifications are unread (the partial index answers it). */
export async function countUnread(userId: string): Promise<number> {
  const [row] = await db()
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

/** Marks one of the person's own notifications read; false when it is not theirs or already read. */
export async function markRead(executor: Executor, userId: string, id: string): Promise<boolean> {
  const updated = await executor
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length > 0;
}

/** Marks every unread notification of the person read; answers how many. */
export async function markAllRead(executor: Executor, userId: string): Promise<number> {
  const updated = await executor
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}
