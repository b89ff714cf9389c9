"use client";

import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import type { ActionResult } from "@/lib/action";
import { NOTIFICATION_KIND_INFO, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { notificationSettingsSchema, type NotificationSettingsInput } from "@/lib/validation/notification-settings";
import { useActionForm } from "./use-action-form";

type Props = {
  initial: NotificationSettingsInput;
  // The person's own /profile, or an admin's edit dialog: each saves through its own action.
  action(values: NotificationSettingsInput): Promise<ActionResult<unknown>>;
  subject?: "self" | "member";
};

const CHANNELS = [
  { key: "inApp", label: "In the app" },
  { key: "email", label: "By email" },
] as const;

/** Per kind of notification, whether it shows under the bell and whether it comes by email. */
export function NotificationSettingsForm({ initial, action, subject = "self" }: Props) {
  const { form, onSubmit, pending, message } = useActionForm({
    schema: notificationSettingsSchema,
    defaultValues: initial,
    action,
    successMessage: "Notification settings saved.",
  });
  const { isDirty } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <table className="w-full text-sm">
        <caption className="sr-only">{subject === "self" ? "How you are told about each kind of notification" : "How this person is told about each kind of notification"}</caption>
        <thead>
          <tr className="text-left text-zinc-600 dark:text-zinc-400">
            <th scope="col" className="py-2 pr-3 font-medium">
              Notification
            </th>
            {CHANNELS.map(({ key, label }) => (
              <th key={key} scope="col" className="w-24 px-2 py-2 text-center font-medium">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {NOTIFICATION_KINDS.map((kind) => {
            const { label, description, always } = NOTIFICATION_KIND_INFO[kind];
            return (
              <tr key={kind} className="border-t border-zinc-100 dark:border-zinc-800">
                <th scope="row" className="py-2.5 pr-3 text-left font-normal">
                  <span className="block font-medium">{label}</span>
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">{description}</span>
                </th>
                {CHANNELS.map((channel) => (
                  <td key={channel.key} className="px-2 py-2.5 text-center">
                    {always?.channel === channel.key ? (
                      // Not a control: the value stays on in the form's values, and the server keeps it on whatever is sent.
                      <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400" title={always.reason}>
                        Always<span className="sr-only">: {always.reason}</span>
                      </span>
                    ) : (
                      <input
                        type="checkbox"
                        aria-label={`${label}: ${channel.label.toLowerCase()}`}
                        className="size-4 accent-accent-600"
                        {...form.register(`${kind}.${channel.key}`)}
                      />
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button type="submit" disabled={pending || !isDirty}>
        {pending ? "Saving…" : "Save notification settings"}
      </Button>
    </form>
  );
}
