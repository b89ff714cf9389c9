import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/action-error";
import { changePasswordSchema, preferencesSchema, profileNameSchema, supportedTimeZones } from "@/lib/validation/profile";
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
