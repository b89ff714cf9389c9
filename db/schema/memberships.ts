import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    // This member must sign in with a second factor, whatever the account requires.
    twoFactorRequired: boolean().notNull().default(false),
    // Copies of the person's sort keys, kept in step by triggers (migration
    // 0006): with them each users-table sort is one ordered index scan of the
    // account's memberships that stops after a page, where a join to users had
    // to sort every member of the account first. The defaults only satisfy the
    // insert type: the trigger fills in the real values.
    sortName: text().notNull().default(""), // lower(users.name)
    sortEmail: text().notNull().default(""), // users.email
    // users.last_sign_in_at, with "never" as -infinity so keyset cursors never meet a null.
    sortLastSignIn: timestamp({ withTimezone: true }).notNull().default(sql`'-infinity'`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_account_key").on(t.userId, t.accountId),
    // One per users-table sort, ties broken by id (each also serves any lookup
    // by account, so there is no index on the account alone to maintain); descending sorts scan them
    // backwards. Collation "C" sorts the same on every server and in PGlite.
    // The email and name trail each key (an INCLUDE, which Drizzle cannot
    // declare) so a search is tested on the index alone, never visiting the table.
    index("memberships_account_name_idx").on(t.accountId, sql`${t.sortName} collate "C"`, t.id, t.sortEmail),
    index("memberships_account_email_idx").on(t.accountId, sql`${t.sortEmail} collate "C"`, t.id, t.sortName),
    index("memberships_account_role_idx").on(t.accountId, t.role, t.id, t.sortName, t.sortEmail),
    index("memberships_account_last_sign_in_idx").on(t.accountId, t.sortLastSignIn, t.id, t.sortName, t.sortEmail),
    // The users search's token index: each trigram of the email and of the name
    // but its first character, hashed with the account id, so a lookup reads
    // only this account's postings (db/queries/member-search-trigrams.ts;
    // member_search_hash is defined in migration 0011).
    index("memberships_search_tokens_idx").using(
      "gin",
      sql`member_search_hash(${t.accountId}, show_trgm(${t.sortEmail} || ' ' || substr(${t.sortName}, 2)))`,
    ),
    // Invited and deactivated members are usually few: the status filter finds them here instead of walking everyone.
    index("memberships_account_pending_idx").on(t.accountId, t.status).where(sql`${t.status} <> 'active'`),
    // And within the account's products: trigger memberships_licenses_within_products (migration 0002).
    check("memberships_has_license", sql`cardinality(${t.licenses}) >= 1`),
  ],
);

export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
export type MembershipStatus = Membership["status"];
