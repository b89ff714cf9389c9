import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Failed attempts per rule and subject (an email, an IP address), shared by
// every app instance. The key is an HMAC of the rule and the subject, so the
// table holds no addresses (lib/auth/rate-limit.ts).
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().primaryKey(),
    failures: integer().notNull(),
    lastFailureAt: timestamp({ withTimezone: true }).notNull(),
    // Set once the free failures are used up: no attempt is heard before then.
    blockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [index("rate_limits_last_failure_idx").on(t.lastFailureAt)],
);

export type RateLimit = typeof rateLimits.$inferSelect;
