import { and, desc, eq, gte, ilike, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { AuditQuery } from "@/lib/validation/audit-query";
import { db, type Executor } from "../client";
import { accounts, auditEvents, memberships, type Account, type AuditEvent } from "../schema";

export const AUDIT_PAGE_SIZE = 50;

/** The accounts whose events an account's log shows: itself and, for a network, its child accounts. */
export async function auditScope(account: Pick<Account, "id" | "type">, executor: Executor = db()): Promise<string[]> {
  if (account.type !== "network") return [account.id];
  const children = await executor.select({ id: accounts.id }).from(accounts).where(eq(accounts.parentId, account.id));
  return [account.id, ...children.map((child) => child.id)];
}

const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtersOf(accountIds: string[], query: AuditQuery): SQL {
  // Person-level events (signing in, a password) have no account: they show for people who are active
  // members of one in scope, from when they became members. An invitation alone, or a membership
  // deactivated, does not show an admin where someone signs in, nor what they did before joining.
  const joined = sql`select 1 from ${memberships} where ${inArray(memberships.accountId, accountIds)} and ${memberships.status} = 'active'
    and ${memberships.userId}::text = ${auditEvents.targetId} and ${memberships.createdAt} <= ${auditEvents.occurredAt}`;
  const conditions: (SQL | undefined)[] = [
    or(inArray(auditEvents.accountId, accountIds), and(isNull(auditEvents.accountId), eq(auditEvents.targetType, "person"), sql`exists (${joined})`)),
    query.actor ? ilike(auditEvents.actorEmail, contains(query.actor)) : undefined,
    query.target ? ilike(auditEvents.targetLabel, contains(query.target)) : undefined,
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.from ? gte(auditEvents.occurredAt, new Date(`${query.from}T00:00:00Z`)) : undefined,
    query.to ? lt(auditEvents.occurredAt, new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)) : undefined,
    query.before ? lt(auditEvents.id, query.before) : undefined,
  ];
  return and(...conditions)!;
}

/** One page of the log, newest first, along the id (a keyset cursor: `next` is the `before` of the next page). */
export async function listAuditEvents(
  accountIds: string[],
  query: AuditQuery,
  limit = AUDIT_PAGE_SIZE,
  executor: Executor = db(),
): Promise<{ rows: AuditEvent[]; next?: number }> {
  const rows = await executor.select().from(auditEvents).where(filtersOf(accountIds, query)).orderBy(desc(auditEvents.id)).limit(limit + 1);
  const page = rows.slice(0, limit);
  return { rows: page, next: rows.length > limit ? page.at(-1)!.id : undefined };
}

/** Every event the view shows, a page at a time (the export). */
export async function* auditEventPages(accountIds: string[], query: AuditQuery, pageSize = 5_000): AsyncGenerator<AuditEvent[]> {
  let before = query.before;
  do {
    const page = await listAuditEvents(accountIds, { ...query, before }, pageSize);
    if (page.rows.length > 0) yield page.rows;
    before = page.next;
  } while (before);
}
