import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { ReportScope } from "@/lib/authz/data-filter";
import { isUuid } from "@/lib/validation/ids";
import { db } from "../client";
import { accounts, calls, type Account } from "../schema";

export const CALLS_PAGE_SIZE = 50;

export type CallCursor = { startedAt: Date; id: string };
export type CallRow = Pick<
  typeof calls.$inferSelect,
  "id" | "startedAt" | "callerNumber" | "durationSeconds" | "campaign" | "marketingData" | "signalResults"
> & { accountName: string };

/** "1732370000000.<uuid>" ⇄ a keyset cursor; anything else is not a cursor. */
export function encodeCallCursor(cursor: CallCursor): string {
  return `${cursor.startedAt.getTime()}.${cursor.id}`;
}

export function decodeCallCursor(value: unknown): CallCursor | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(\d{1,15})\.([0-9a-f-]{36})$/i.exec(value);
  if (!match || !isUuid(match[2])) return undefined;
  return { startedAt: new Date(Number(match[1])), id: match[2]! };
}

/**
 * One page of an account's calls, newest first — a network's page covers its
 * accounts' calls too — narrowed by the caller's report scope. A scope of
 * "nothing" (Filtered Reporting without a filter) returns no rows at all.
 */
export async function listCalls(
  account: Pick<Account, "id">,
  scope: ReportScope,
  { after, limit = CALLS_PAGE_SIZE }: { after?: CallCursor; limit?: number } = {},
): Promise<{ rows: CallRow[]; next?: CallCursor }> {
  if (scope.kind === "nothing") return { rows: [] };
  const accountAndChildren = db()
    .select({ id: accounts.id })
    .from(accounts)
    .where(or(eq(accounts.id, account.id), eq(accounts.parentId, account.id)));

  const rows = await db()
    .select({
      id: calls.id,
      startedAt: calls.startedAt,
      callerNumber: calls.callerNumber,
      durationSeconds: calls.durationSeconds,
      campaign: calls.campaign,
      marketingData: calls.marketingData,
      signalResults: calls.signalResults,
      accountName: accounts.name,
    })
    .from(calls)
    .innerJoin(accounts, eq(accounts.id, calls.accountId))
    .where(
      and(
        inArray(calls.accountId, accountAndChildren),
        scope.kind === "filtered"
          ? inArray(sql`${calls.marketingData} ->> ${scope.filter.category}`, scope.filter.values)
          : undefined,
        after
          ? or(lt(calls.startedAt, after.startedAt), and(eq(calls.startedAt, after.startedAt), lt(calls.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(calls.startedAt), desc(calls.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { startedAt: last.startedAt, id: last.id } : undefined };
}
