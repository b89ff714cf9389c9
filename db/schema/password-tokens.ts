import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { passwordTokenPurpose } from "./enums";
import { users } from "./users";

// One-time links to set or reset a password. Only the SHA-256 of the token is
// stored; a token is consumed once by a conditional UPDATE … RETURNING.
export const passwordTokens = pgTable(
  "password_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: passwordTokenPurpose().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    consumedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("password_tokens_hash_key").on(t.tokenHash), index("password_tokens_user_idx").on(t.userId)],
);

export type PasswordToken = typeof passwordTokens.$inferSelect;
