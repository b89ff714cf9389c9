import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { accountType, product } from "./enums";
import { users } from "./users";

// Accounts form a two-level tree: a network owns advertiser, publisher and
// profile accounts. A network membership reaches every child account.
export const accounts = pgTable(
  "accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    slug: text().notNull(),
    type: accountType().notNull(),
    parentId: uuid().references((): AnyPgColumn => accounts.id, { onDelete: "restrict" }),
    products: product().array().notNull(),
    // The one person who may close the account or hand it over.
    holderUserId: uuid().references(() => users.id, { onDelete: "restrict" }),
    // Set when the holder closes the account: it then refuses every request
    // except its network's Super Users reopening it.
    closedAt: timestamp({ withTimezone: true }),
    // How long an invitation link of this account works.
    inviteTtlDays: integer().notNull().default(7),
    // Everyone in the account must sign in with a second factor.
    twoFactorRequired: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("accounts_slug_key").on(t.slug),
    // The switcher reads a network's children of one type in name order, a page
    // at a time. Collation "C" sorts the same on every server and in PGlite.
    index("accounts_children_by_name_idx").on(t.parentId, t.type, sql`lower(${t.name}) collate "C"`, t.id),
    check("accounts_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${t.slug}) <= 63`),
    check("accounts_invite_ttl_range", sql`${t.inviteTtlDays} between 1 and 30`),
    check("accounts_has_product", sql`cardinality(${t.products}) >= 1`),
    check("accounts_network_never_closed", sql`${t.type} <> 'network' or ${t.closedAt} is null`),
    check(
      "accounts_tree_shape",
      sql`(${t.type} = 'network' and ${t.parentId} is null) or (${t.type} <> 'network' and ${t.parentId} is not null)`,
    ),
  ],
);

export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;
export type { AccountType } from "@/lib/account-types";
