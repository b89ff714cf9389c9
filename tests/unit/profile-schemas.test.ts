import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/action-error";
import { changePasswordSchema, preferencesSchema, profileNameSchema, supportedTimeZones } from "@/lib/validation/profile";
import { NOTIFICATION_KINDS, notificationSettingsOf } from "@/lib/notifications/kinds";
import { notificationSettingsSchema } from "@/lib/validation/notification-settings";
import { forgotPasswordSchema } from "@/lib/validation/user";

const errorsOf = (schema: { safeParse(input: unknown): { success: boolean; error?: unknown } }, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error as never);
};

describe("forgot-password form", () => {
  it("needs a valid email, and normalizes it", () => {
    expect(errorsOf(forgotPasswordSchema, { email: "" })).toEqual({ email: "Enter an email address." });
    expect(errorsOf(forgotPasswordSchema, { email: "not-an-email" })).toHaveProperty("email");
    expect(errorsOf(forgotPasswordSchema, { email: `${"a".repeat(10_000)}@x.io` })).toHaveProperty("email");
    expect(forgotPasswordSchema.parse({ email: " Dana@Example.COM " })).toEqual({ email: "dana@example.com" });
  });
});

describe("profile name", () => {
  it("refuses an empty or 10 KB name and trims a good one", () => {
    expect(errorsOf(profileNameSchema, { name: "   " })).toEqual({ name: "Enter a name." });
    expect(errorsOf(profileNameSchema, { name: "x".repeat(10_000) })).toEqual({ name: "A name has at most 200 characters." });
    expect(errorsOf(profileNameSchema, {})).toHaveProperty("name");
    expect(profileNameSchema.parse({ name: "  Dana Kim " })).toEqual({ name: "Dana Kim" });
  });
});

describe("password change", () => {
  const valid = { currentPassword: "rolecall-demo", newPassword: "violet harbour lantern", confirmPassword: "violet harbour lantern" };

  it("accepts a good change", () => {
    expect(errorsOf(changePasswordSchema, valid)).toEqual({});
  });

  it("explains each bad field", () => {
    expect(errorsOf(changePasswordSchema, { currentPassword: "", newPassword: "", confirmPassword: "" })).toEqual({
      currentPassword: "Enter your current password.",
      newPassword: "Use at least 12 characters.",
      confirmPassword: "Repeat the password.",
    });
    expect(errorsOf(changePasswordSchema, { ...valid, confirmPassword: "violet harbour lanterns" })).toEqual({
      confirmPassword: "The two passwords do not match.",
    });
    expect(errorsOf(changePasswordSchema, { ...valid, newPassword: "x".repeat(10_000), confirmPassword: "x".repeat(10_000) })).toHaveProperty("newPassword");
    expect(errorsOf(changePasswordSchema, { ...valid, currentPassword: "x".repeat(10_000) })).toHaveProperty("currentPassword");
    expect(errorsOf(changePasswordSchema, { currentPassword: valid.newPassword, newPassword: valid.newPassword, confirmPassword: valid.newPassword })).toEqual({
      newPassword: "Choose a password different from your current one.",
    });
  });
});

describe("preferences", () => {
  const valid = { timeZone: "Europe/Berlin", dateFormat: "DD/MM/YYYY", landingPage: "calls" };

  it("accepts listed choices; an empty time zone means the browser's", () => {
    expect(preferencesSchema.parse(valid)).toEqual(valid);
    expect(preferencesSchema.parse({ ...valid, timeZone: "" }).timeZone).toBeNull();
    expect(preferencesSchema.parse({ ...valid, timeZone: "UTC" }).timeZone).toBe("UTC");
  });

  it("offers every time zone it accepts", () => {
    for (const zone of supportedTimeZones()) expect(preferencesSchema.safeParse({ ...valid, timeZone: zone }).success).toBe(true);
  });

  it("refuses made-up time zones, formats and pages", () => {
    expect(errorsOf(preferencesSchema, { ...valid, timeZone: "Mars/Olympus_Mons" })).toEqual({ timeZone: "Choose a time zone from the list." });
    expect(errorsOf(preferencesSchema, { ...valid, timeZone: "europe/berlin" })).toHaveProperty("timeZone");
    expect(errorsOf(preferencesSchema, { ...valid, timeZone: "x".repeat(10_000) })).toHaveProperty("timeZone");
    expect(errorsOf(preferencesSchema, { ...valid, dateFormat: "YYYY" })).toEqual({ dateFormat: "Choose a date format from the list." });
    expect(errorsOf(preferencesSchema, { ...valid, landingPage: "settings/secret" })).toEqual({ landingPage: "Choose a page from the list." });
    expect(errorsOf(preferencesSchema, {})).toEqual({
      timeZone: "Choose a time zone.",
      dateFormat: "Choose a date format from the list.",
      landingPage: "Choose a page from the list.",
    });
  });
});

describe("notification settings form", () => {
  const every = (channels: { inApp: boolean; email: boolean }) => Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, channels]));

  it("takes on or off for both channels of every kind", () => {
    const settings = { ...every({ inApp: true, email: false }), access_changed: { inApp: false, email: true } };
    expect(notificationSettingsSchema.parse(settings)).toEqual(settings);
  });

  it("refuses a kind left out, a channel that is not on or off, and kinds it does not know", () => {
    const { import_failed: _left, ...missing } = every({ inApp: true, email: true });
    expect(errorsOf(notificationSettingsSchema, missing)).toEqual({ import_failed: "Choose how to be told." });
    expect(errorsOf(notificationSettingsSchema, { ...every({ inApp: true, email: true }), invite_accepted: { inApp: "yes", email: true } })).toEqual({
      "invite_accepted.inApp": "Choose on or off.",
    });
    expect(notificationSettingsSchema.parse({ ...every({ inApp: true, email: true }), __proto__: { inApp: false }, billing: { inApp: true, email: true } })).toEqual(
      every({ inApp: true, email: true }),
    );
    expect(errorsOf(notificationSettingsSchema, "x".repeat(10_000))).toEqual({ form: "Reload the page and try again." });
  });

  it("reads stored settings over the defaults, and anything malformed as the default", () => {
    const defaults = notificationSettingsOf(null);
    expect(defaults.invite_accepted).toEqual({ inApp: true, email: false });
    expect(defaults.access_changed).toEqual({ inApp: true, email: true });
    expect(notificationSettingsOf({ invite_accepted: { email: true }, access_changed: "off", import_finished: { inApp: 0 } })).toEqual({
      ...defaults,
      invite_accepted: { inApp: true, email: true },
    });
    expect(notificationSettingsOf([1, 2])).toEqual(defaults);
    // A change to someone's access is always emailed, whatever is stored.
    expect(notificationSettingsOf({ access_changed: { inApp: false, email: false } }).access_changed).toEqual({ inApp: false, email: true });
  });
});
