import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { emails, memberships, notifications, users } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import type { EmailMessage } from "@/lib/email/send";
import { NOTIFICATION_KINDS, notificationSettingsOf, type NotificationSettings } from "@/lib/notifications/kinds";
import { sendNotifications, type Notice } from "@/lib/notifications/send-notifications";
import { updateMemberNotificationSettings } from "@/lib/notifications/update-notification-settings";
import { OUT_OF_REACH } from "@/lib/members/update-person";
import { accountIdOf, inTransaction, membershipOf, reachingAccessAs, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
let acmeId: string;
beforeAll(async () => {
  await seedDemoData();
  acmeId = await accountIdOf("acme");
});

const every = (inApp: boolean, email: boolean) => Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, { inApp, email }])) as NotificationSettings;

async function setSettings(email: string, settings: unknown) {
  await db().update(users).set({ notificationSettings: settings }).where(eq(users.email, email));
}

function notice(userId: string, kind: Notice["kind"], title: string): Notice {
  return { userId, accountId: acmeId, accountName: "Acme Network", kind, title, body: "people.xlsx", link: "/a/acme/settings/users" };
}

async function told(userId: string, title: string) {
  const inApp = await db().select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.title, title)));
  const [person] = await db().select({ email: users.email }).from(users).where(eq(users.id, userId));
  const mail = await db().select().from(emails).where(and(eq(emails.to, person!.email), eq(emails.subject, title)));
  return { inApp: inApp.length, email: mail.length, mail };
}

describe(`notification settings (${database.driver})`, () => {
  it("tells each person the ways their settings ask for, and by default in the app, and by email where the kind says", async () => {
    const [observer, reporting, member, manager] = (await Promise.all(["observer@acme.test", "reporting@acme.test", "member@acme.test", "manager@acme.test"].map(userIdOf))) as [string, string, string, string];
    await setSettings("reporting@acme.test", every(false, true));
    await setSettings("member@acme.test", every(false, false));
    await setSettings("manager@acme.test", { import_finished: { email: true, inApp: "garbage" } });

    const emailIds = await inTransaction((tx) =>
      sendNotifications(tx, [
        notice(observer, "invite_accepted", "Defaults: in the app only"),
        notice(observer, "import_finished", "Defaults: both"),
        notice(reporting, "import_finished", "Email only"),
        notice(member, "import_finished", "Neither"),
        notice(manager, "import_finished", "Malformed reads as the default"),
      ]),
    );
    expect(await told(observer, "Defaults: in the app only")).toMatchObject({ inApp: 1, email: 0 });
    expect(await told(observer, "Defaults: both")).toMatchObject({ inApp: 1, email: 1 });
    expect(await told(reporting, "Email only")).toMatchObject({ inApp: 0, email: 1 });
    expect(await told(member, "Neither")).toMatchObject({ inApp: 0, email: 0 });
    expect(await told(manager, "Malformed reads as the default")).toMatchObject({ inApp: 1, email: 1 });
    expect(emailIds).toHaveLength(3);

    // The generic email says what, where, and links to it and to the settings.
    const { mail } = await told(reporting, "Email only");
    expect(mail[0]).toMatchObject({ template: "notification", status: "outbox" });
    expect(mail[0]!.text).toContain("this happened in Acme Network");
    expect(mail[0]!.text).toContain("/a/acme/settings/users");
    expect(mail[0]!.text).toContain("/profile#notifications-heading");
  });

  it("sends a kind's own email instead of the generic one, and a change of access always by email", async () => {
    const observer = await userIdOf("observer@acme.test");
    await setSettings("observer@acme.test", every(false, false));
    const own: EmailMessage = { template: "access-changed", to: "observer@acme.test", props: { name: "Riley", accountName: "Acme Network", changes: ["Your role is now Member."], accountUrl: "http://x.test/a/acme" } };
    const [emailId] = await inTransaction((tx) => sendNotifications(tx, [{ ...notice(observer, "access_changed", "Your access to Acme Network changed"), email: own }]));
    const [sent] = await db().select().from(emails).where(inArray(emails.id, [emailId!]));
    expect(sent).toMatchObject({ template: "access-changed", to: "observer@acme.test" });
  });

  it("lets an admin whose reach covers the person change them, and refuses a stale save", async () => {
    await setSettings("member@acme.test", null);
    const admin = await reachingAccessAs("superuser@acme.test", "acme");
    const { id: membershipId } = await membershipOf("member@acme.test", "acme");
    const original = notificationSettingsOf(null);
    const settings = { ...original, import_finished: { inApp: false, email: false } };
    await inTransaction((tx) => updateMemberNotificationSettings(tx, admin, { membershipId, settings, original }));
    const [stored] = await db().select({ settings: users.notificationSettings }).from(users).where(eq(users.email, "member@acme.test"));
    expect(notificationSettingsOf(stored!.settings)).toEqual(settings);

    // The form opened before that save still shows the old settings: refused, nothing changes.
    const stale = inTransaction((tx) => updateMemberNotificationSettings(tx, admin, { membershipId, settings: every(true, true), original }));
    await expect(stale).rejects.toThrow(ActionError);
    const [after] = await db().select({ settings: users.notificationSettings }).from(users).where(eq(users.email, "member@acme.test"));
    expect(notificationSettingsOf(after!.settings)).toEqual(settings);
  });

  it("refuses an admin of a child account who does not reach all of the person's memberships", async () => {
    // Reporting belongs to Acme Network and also, directly, to its advertiser Bright Dental.
    const reporting = await userIdOf("reporting@acme.test");
    const [brightDental] = [await accountIdOf("bright-dental")];
    await db().insert(memberships).values({ userId: reporting, accountId: brightDental!, role: "reporting", licenses: ["marketing"] }).onConflictDoNothing();
    const childAdmin = await reachingAccessAs("admin@bright-dental.test", "bright-dental");
    const { id: membershipId } = await membershipOf("reporting@acme.test", "bright-dental");
    const refused = inTransaction((tx) => updateMemberNotificationSettings(tx, childAdmin, { membershipId, settings: every(false, false), original: notificationSettingsOf(null) }));
    await expect(refused).rejects.toThrow(OUT_OF_REACH);
  });
});
