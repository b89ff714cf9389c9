import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Overrides } from "@/lib/authz/effective";
import type { DataFilter } from "@/lib/authz/data-filter";
import { accounts } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { membershipStatus, product, role } from "./enums";
import { users } from "./users";

// A person's place in one account. Status lives here, not on the person:
// deactivating someone acts on one account only.
export const memberships = pgTable(
  "memberships",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    role: role().notNull(),
    licenses: product().array().notNull(),
    // Per-user toggles on top of the role: { "calls.mention": true, "reports.export": false }.
    overrides: jsonb().$type<Overrides>().notNull().default({}),
    // Filtered Reporting only: the marketing data this member may see. Without
    // one, a Filtered Reporting member sees no report data at all.
    dataFilter: jsonb().$type<DataFilter>(),
    status: membershipStatus().notNull().default("active"),
    // Optimistic-concurrency counter: an edit made against an older version is refused.
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_account_key").on(t.userId, t.accountId),
    index("memberships_account_idx").on(t.accountId),
    // And within the account's products: trigger memberships_licenses_within_products (migration 0002).
    check("memberships_has_license", sql`cardinality(${t.licenses}) >= 1`),
  ],
);

export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
export type MembershipStatus = Membership["status"];
