import { listMembers, type MemberRow } from "@/db/queries/members";
import type { Account } from "@/db/schema";
import type { MembersQuery } from "@/lib/validation/members-query";

// Big pages: each query costs a round trip and a plan, and 100,000 users are 20 of them.
export const EXPORT_PAGE_SIZE = 5_000;

/**
 * Every member the users table shows for this view, read a page at a time
 * along the table's own keyset cursor — never one giant query — in the
 * table's order. The next page is already being read while the caller writes
 * this one, so at most two pages are held.
 */
export async function* membersForExport(
  account: Pick<Account, "id" | "parentId">,
  query: Omit<MembersQuery, "after">,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<MemberRow[]> {
  let reading: ReturnType<typeof listMembers> | undefined = listMembers(account, query, pageSize);
  try {
    while (reading) {
      const page: Awaited<typeof reading> = await reading;
      reading = page.next ? listMembers(account, { ...query, after: page.next }, pageSize) : undefined;
      // Failing while this page is written is seen when it is awaited next, not as an unhandled rejection.
      reading?.catch(() => undefined);
      if (page.rows.length > 0) yield page.rows;
    }
  } finally {
    // A caller that stops early leaves a read in flight: let it settle, unobserved.
    await reading?.catch(() => undefined);
  }
}
