// The kinds of notification, each with how a person is told by default. Read
// by the notification settings forms (browser and server alike), so nothing
// here touches the database.
export const NOTIFICATION_KINDS = ["invite_accepted", "access_changed", "import_finished", "import_failed"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type Channels = { inApp: boolean; email: boolean };
export type NotificationSettings = Record<NotificationKind, Channels>;

type KindInfo = {
  label: string;
  description: string;
  defaults: Channels;
  // Channels that stay on whatever the settings say, and why (shown beside them).
  always?: { channel: keyof Channels; reason: string };
};

export const NOTIFICATION_KIND_INFO: Record<NotificationKind, KindInfo> = {
  invite_accepted: { label: "Invitation accepted", description: "Someone you invited joined the account.", defaults: { inApp: true, email: false } },
  access_changed: {
    label: "Your access changed",
    description: "An admin changed your role, licenses or permissions.",
    defaults: { inApp: true, email: true },
    // A security notice: nobody, the person or an admin, can silence a change to their access.
    always: { channel: "email", reason: "Always sent: a change to your access is a security notice." },
  },
  import_finished: { label: "Import finished", description: "A spreadsheet of users you uploaded has been applied.", defaults: { inApp: true, email: true } },
  import_failed: { label: "Import stopped", description: "A spreadsheet you uploaded could not be applied to the end.", defaults: { inApp: true, email: true } },
};

/**
 * A person's settings as stored (null, or any JSON), read over the defaults:
 * anything malformed is the default, and a channel that is always on is on.
 */
export function notificationSettingsOf(stored: unknown): NotificationSettings {
  const given = stored !== null && typeof stored === "object" ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => {
      const channels = Object.hasOwn(given, kind) ? (given[kind] as Partial<Channels> | null) : undefined;
      const { defaults, always } = NOTIFICATION_KIND_INFO[kind];
      const chosen = {
        inApp: typeof channels?.inApp === "boolean" ? channels.inApp : defaults.inApp,
        email: typeof channels?.email === "boolean" ? channels.email : defaults.email,
      };
      return [kind, always ? { ...chosen, [always.channel]: true } : chosen];
    }),
  ) as NotificationSettings;
}
