import { sql } from "drizzle-orm";
import { jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Overrides } from "@/lib/authz/effective";
import { accounts } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { product, role } from "./enums";

// Named access set up by an account's Super Users (base role + licenses +
// toggles), applied when inviting or editing someone. The built-in presets
// live in code (lib/authz/presets.ts), not here.
export const accessPresets = pgTable(
  "access_presets",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text().notNull(),
    role: role().notNull(),
    licenses: product().array().notNull(),
    overrides: jsonb().$type<Overrides>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("access_presets_account_name_key").on(t.accountId, sql`lower(${t.name})`)],
);

export type AccessPreset = typeof accessPresets.$inferSelect;
