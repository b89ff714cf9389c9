import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notify, type NewNotification } from "@/db/queries/notifications";
import { users } from "@/db/schema";
import { queueEmail, type EmailMessage } from "@/lib/email/send";
import { appUrl } from "@/lib/env";
import { notificationSettingsOf } from "./kinds";

export type Notice = NewNotification & {
  /** Names the account in the generic email. */
  accountName: string;
  /** The kind's own email (the "your access changed" one); without it, the generic notification email. */
  email?: EmailMessage;
};

/**
 * Tells each person what happened the ways their notification settings ask
 * for (lib/notifications/kinds.ts): in the bell, by email, both or neither,
 * in the caller's transaction. Returns the queued emails' ids, to hand to
 * delivery once the transaction commits.
 */
export async function sendNotifications(executor: Executor, notices: Notice[]): Promise<string[]> {
  if (notices.length === 0) return [];
  const people = await executor
    .select({ id: users.id, email: users.email, name: users.name, settings: users.notificationSettings })
    .from(users)
    .where(inArray(users.id, [...new Set(notices.map((notice) => notice.userId))]));
  const personOf = new Map(people.map((person) => [person.id, { ...person, settings: notificationSettingsOf(person.settings) }]));
  const wanted = notices.flatMap((notice) => {
    const person = personOf.get(notice.userId);
    return person ? [{ notice, person, channels: person.settings[notice.kind] }] : [];
  });

  await notify(
    executor,
    wanted.filter(({ channels }) => channels.inApp).map(({ notice: { accountName: _a, email: _e, ...row } }) => row),
  );
  const emailIds: string[] = [];
  for (const { notice, person } of wanted.filter(({ channels }) => channels.email)) {
    const message: EmailMessage = notice.email ?? {
      template: "notification",
      to: person.email,
      props: {
        name: person.name,
        accountName: notice.accountName,
        title: notice.title,
        body: notice.body ?? "",
        url: `${appUrl()}${notice.link}`,
        settingsUrl: `${appUrl()}/profile#notifications-heading`,
      },
    };
    emailIds.push(await queueEmail(executor, message));
  }
  return emailIds;
}
