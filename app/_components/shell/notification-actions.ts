"use server";

// Built with selfAction(): a live session is required, and every query is
// scoped to the caller's own user id, so nobody can mark another person's.

import { markAllRead, markRead } from "@/db/queries/notifications";
import { selfAction } from "@/lib/action";
import { markAllNotificationsReadSchema, markNotificationReadSchema } from "@/lib/validation/notifications";

export const markNotificationRead = selfAction({
  input: markNotificationReadSchema,
  run: async ({ input, session, tx }) => ({ marked: await markRead(tx, session.user.id, input.id) }),
});

export const markAllNotificationsRead = selfAction({
  input: markAllNotificationsReadSchema,
  run: async ({ session, tx }) => ({ marked: await markAllRead(tx, session.user.id) }),
});
