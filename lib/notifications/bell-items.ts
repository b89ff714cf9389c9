import type { NotificationView } from "@/db/queries/notifications";

/** A notification as the bell's panel shows it (sent to the browser: dates as ISO strings). */
export type BellNotification = { id: string; title: string; body: string; link: string; createdAt: string; read: boolean };

export function bellItem(notification: NotificationView): BellNotification {
  const { id, title, body, link, createdAt, readAt } = notification;
  return { id, title, body, link, createdAt: createdAt.toISOString(), read: readAt !== null };
}
