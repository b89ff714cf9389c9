import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { accounts } from "./accounts";
import { createdAt } from "./columns";
import { users } from "./users";

export { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
export const notificationKind = pgEnum("notification_kind", NOTIFICATION_KINDS);

// One row per in-app notification, owned by the person it is for: every query
// is scoped by user_id, so nobody sees or marks another person's.
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    kind: notificationKind().notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    // A same-site path (e.g. /a/acme/settings/users), never a full URL.
    link: text().notNull(),
    createdAt: createdAt(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // The panel's keyset: newest first, id breaking ties.
    index("notifications_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    // The bell's unread count.
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

export type Notification = typeof notifications.$inferSelect;
