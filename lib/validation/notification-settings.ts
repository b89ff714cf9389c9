import { z } from "zod";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";

const channelsSchema = z.object(
  {
    inApp: z.boolean({ error: "Choose on or off." }),
    email: z.boolean({ error: "Choose on or off." }),
  },
  { error: "Choose how to be told." },
);

// Every kind, each with both channels: a form always sends the whole table.
export const notificationSettingsSchema = z.object(
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, channelsSchema])) as Record<NotificationKind, typeof channelsSchema>,
  { error: "Reload the page and try again." },
);
export type NotificationSettingsInput = z.input<typeof notificationSettingsSchema>;

// An admin's edit carries what the form showed when it opened, to refuse a stale save.
export const memberNotificationSettingsSchema = z.object({
  membershipId: z.uuid({ error: "Unknown member." }),
  settings: notificationSettingsSchema,
  original: notificationSettingsSchema,
});
