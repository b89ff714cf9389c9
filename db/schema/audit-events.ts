import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// The audit trail: one row per security-relevant event, appended in the same
// transaction as the change it records, never updated or deleted (a trigger
// refuses both, migration 0019). No foreign keys: a row outlives the person,
// account or credential it names, and keeps their email or name as it was.
export const auditEvents = pgTable(
  "audit_events",
  {
    // Ordered and unique: the log's keyset cursor.
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // The account it happened in; null for a person-level event (signing in, a password).
    accountId: uuid(),
    actorUserId: uuid(),
    actorEmail: text(),
    // Set when an API credential acted (issue 6's users API).
    actorCredentialId: uuid(),
    action: text().notNull(),
    // What it was done to: "person", "membership", "invitation", "account", "import", "preset".
    targetType: text(),
    targetId: text(),
    targetLabel: text(),
    // Before → after and other particulars; never a password, token or secret.
    details: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    ip: text(),
    userAgent: text(),
  },
  (t) => [
    index("audit_events_account_idx").on(t.accountId, t.id),
    index("audit_events_actor_idx").on(t.actorUserId, t.id),
    index("audit_events_target_idx").on(t.targetId, t.id),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
