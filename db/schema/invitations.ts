import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { accounts } from "./accounts";
import { createdAt } from "./columns";
import { invitationEnd } from "./enums";
import { memberships } from "./memberships";
import { users } from "./users";

// One row per invitation link sent. The invited membership (status "invited")
// holds the role, licenses and toggles; this row holds the link: only the
// SHA-256 of its token, its expiry, and why it ended. A resend ends the current
// row ("replaced") and adds a new one, so an old link can say it was replaced.
export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    // Null once the invited membership is gone (revoked, or deleted after acceptance).
    membershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    // The address the link was sent to: the link is bound to it.
    email: text().notNull(),
    // The name the admin typed. The users table shows it until acceptance: an
    // invitee who already has a login elsewhere keeps their own name private.
    name: text(),
    invitedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    endReason: invitationEnd(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    // At most one working link per invited membership.
    uniqueIndex("invitations_open_per_membership_key").on(t.membershipId).where(sql`${t.endedAt} is null`),
    index("invitations_account_idx").on(t.accountId),
  ],
);

export type Invitation = typeof invitations.$inferSelect;
