import { z } from "zod";
import { isUuid } from "./ids";

export const markNotificationReadSchema = z.object({
  id: z.string().refine(isUuid, "Unknown notification."),
});
export type MarkNotificationReadInput = z.input<typeof markNotificationReadSchema>;

export const markAllNotificationsReadSchema = z.object({});
