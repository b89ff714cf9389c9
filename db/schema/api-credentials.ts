import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { createdAt } from "./columns";
import { users } from "./users";

// Credentials for integrations. Only the SHA-256 of the secret is kept; its
// first characters stay visible so people can tell their credentials apart.
// A credential acts as the person who made it, with their access in this
// account as it is at each call, never more.
export const apiCredentials = pgTable(
  "api_credentials",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    description: text().notNull(),
    clientId: text().notNull(),
    secretHash: text().notNull(),
    secretPrefix: text().notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("api_credentials_client_id_key").on(t.clientId),
    uniqueIndex("api_credentials_secret_hash_key").on(t.secretHash),
    index("api_credentials_account_idx").on(t.accountId),
  ],
);

export type ApiCredential = typeof apiCredentials.$inferSelect;
