import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

// Marketing data a call is tagged with, by category: { location: "Denver", region: "Mountain" }.
export type MarketingData = Record<string, string>;

// Calls tracked for an account: the data every report reads, and what a
// Filtered Reporting member's data filter narrows.
export const calls = pgTable(
  "calls",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    callerNumber: text().notNull(),
    durationSeconds: integer().notNull(),
    campaign: text().notNull(),
    marketingData: jsonb().$type<MarketingData>().notNull().default({}),
    signalResults: text().array().notNull().default([]),
  },
  // Reports page newest first, a page at a time (keyset on started_at, id).
  (t) => [index("calls_account_started_idx").on(t.accountId, t.startedAt.desc(), t.id.desc())],
);

export type Call = typeof calls.$inferSelect;
