import { z } from "zod";
import type { PermissionKey } from "@/lib/authz/permissions";
import { confirmPasswordSchema, currentPasswordSchema, nameSchema, newPasswordSchema, PASSWORDS_DIFFER_MESSAGE } from "./user";

export const profileNameSchema = z.object({ name: nameSchema });
export type ProfileNameInput = z.input<typeof profileNameSchema>;

// The server adds the common-password check (lib/validation/server-password.ts).
export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordSchema,
    newPassword: newPasswordSchema,
    confirmPassword: confirmPasswordSchema,
  })
  .refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: PASSWORDS_DIFFER_MESSAGE })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one.",
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

// Intl's list lacks "UTC" (it has only region names), which many people want.
export function supportedTimeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone")];
}

let timeZoneSet: Set<string> | undefined;
export function isSupportedTimeZone(timeZone: string): boolean {
  timeZoneSet ??= new Set(supportedTimeZones());
  return timeZoneSet.has(timeZone);
}

// How dates are written across the portal; the stored value is the pattern itself.
export const DATE_FORMATS = {
  "YYYY-MM-DD": "2025-01-31",
  "DD/MM/YYYY": "31/01/2025",
  "MM/DD/YYYY": "01/31/2025",
  "D MMM YYYY": "31 Jan 2025",
} as const;
export type DateFormat = keyof typeof DATE_FORMATS;
export const DEFAULT_DATE_FORMAT: DateFormat = "YYYY-MM-DD";

// Where "/" sends someone in their home account; `path` follows /a/<account>,
// and someone without `permission` there gets the overview instead.
export const LANDING_PAGES = {
  overview: { label: "Account overview", path: "", permission: undefined },
  calls: { label: "Calls report", path: "/reports/calls", permission: "reports.view_calls" },
  users: { label: "Users", path: "/settings/users", permission: "users.view" },
} as const satisfies Record<string, { label: string; path: string; permission: PermissionKey | undefined }>;
export type LandingPage = keyof typeof LANDING_PAGES;
export const DEFAULT_LANDING_PAGE: LandingPage = "overview";

const keysOf = <T extends object>(record: T) => Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];

// An empty time zone means "follow the browser": it is stored as null.
export const preferencesSchema = z.object({
  timeZone: z
    .string({ error: "Choose a time zone." })
    .max(64, "Choose a time zone from the list.")
    .refine((value) => value === "" || isSupportedTimeZone(value), "Choose a time zone from the list.")
    .transform((value) => (value === "" ? null : value)),
  dateFormat: z.enum(keysOf(DATE_FORMATS), { error: "Choose a date format from the list." }),
  landingPage: z.enum(keysOf(LANDING_PAGES), { error: "Choose a page from the list." }),
});
export type PreferencesInput = z.input<typeof preferencesSchema>;
export type Preferences = z.output<typeof preferencesSchema>;

// A stored value no longer offered (the lists changed) shows as the default.
function known<T extends object>(options: T, value: string | null, fallback: keyof T & string): keyof T & string {
  return value !== null && Object.hasOwn(options, value) ? (value as keyof T & string) : fallback;
}

/** A person's stored preferences as the preferences form starts from them. */
export function preferencesFormValues(stored: { timeZone: string | null; dateFormat: string | null; landingPage: string | null }): PreferencesInput {
  return {
    timeZone: stored.timeZone ?? "",
    dateFormat: known(DATE_FORMATS, stored.dateFormat, DEFAULT_DATE_FORMAT),
    landingPage: known(LANDING_PAGES, stored.landingPage, DEFAULT_LANDING_PAGE),
  };
}

// An admin's edit of someone's preferences carries what the form showed when
// it opened (as preferencesFormValues gives them), to refuse a stale save.
export const memberPreferencesSchema = preferencesSchema.extend({
  membershipId: z.uuid({ error: "Unknown member." }),
  original: z.object({ timeZone: z.string().max(64), dateFormat: z.string().max(32), landingPage: z.string().max(32) }, { error: "Reload the page and try again." }),
});

/** Signing out everywhere else takes nothing but the session. */
export const signOutElsewhereSchema = z.object({});
