import { sql } from "drizzle-orm";
import { bigint, check, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";

// One row per person, keyed by normalized (trimmed, lower-case) email. What a
// person may do lives on their memberships, never here.
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    // Null until the person sets a password (invite acceptance or a set-password link).
    passwordHash: text(),
    // Bumped by person-level events (password change, sign out everywhere …);
    // a session token carrying an older version is rejected.
    sessionVersion: integer().notNull().default(1),
    lastSignInAt: timestamp({ withTimezone: true }),
    phone: text(),
    // Preferences; null means the default (the browser's time zone, ISO-like dates, the account home).
    timeZone: text(),
    dateFormat: text(),
    landingPage: text(),
    // Per notification kind, in-app and/or email; null (or a kind left out) means the
    // kind's default (lib/notifications/kinds.ts, read through notificationSettingsOf).
    notificationSettings: jsonb(),
    // Set when the person has enrolled a second factor (an authenticator app).
    twoFactorEnabledAt: timestamp({ withTimezone: true }),
    // The app's TOTP secret, sealed with a key derived from AUTH_SECRET (lib/auth/secret-box.ts).
    totpSecret: text(),
    // The last time step a code was accepted for: a code is never taken twice.
    totpLastStep: bigint({ mode: "number" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    check("users_email_normalized", sql`${t.email} = lower(btrim(${t.email}))`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
