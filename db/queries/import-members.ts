import { and, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { parseOverrides, type Overrides } from "@/lib/authz/effective";
import type { Executor } from "../client";
import { accounts, invitations, memberships, users, type Account, type Membership } from "../schema";

type Scope = Pick<Account, "id" | "parentId">;

/** An account's member as a bulk upload compares it: what the users table (and its export) shows. */
export type ImportMember = {
  membershipId: string;
  userId: string;
  email: string;
  // The invitation's name until acceptance, as the table and the export show it.
  name: string;
  role: Membership["role"];
  licenses: Membership["licenses"];
  // The member's permission toggles: an update keeps them, so its escalation check counts them.
  overrides: Overrides;
  status: Membership["status"];
  version: number;
  // Set when the membership is the network's, reaching this child account.
  viaAccountName: string | null;
};

// The emails go as one JSON parameter, not one parameter per email (which the
// query builder and Postgres handle one by one, and Postgres caps at 65,535);
// each is then looked up by the email index. A query per 10,000 keeps each
// answer small.
const EMAIL_CHUNK = 10_000;

/**
 * The account's members among these (normalized) emails, in the users list's
 * scope: the account's own memberships, any status, and for a child account
 * its network's active ones. One query per 10,000 emails.
 */
export async function importMembersByEmail(executor: Executor, account: Scope, emails: string[]): Promise<ImportMember[]> {
  const scope = account.parentId
    ? or(eq(memberships.accountId, account.id), and(eq(memberships.accountId, account.parentId), eq(memberships.status, "active")))
    : eq(memberships.accountId, account.id);
  const found: ImportMember[] = [];
  for (let start = 0; start < emails.length; start += EMAIL_CHUNK) {
    const rows = await executor
      .select({
        membershipId: memberships.id,
        userId: users.id,
        email: users.email,
        name: sql<string>`case when ${memberships.status} = 'invited' then coalesce(${invitations.name}, ${users.email}) else ${users.name} end`,
        role: memberships.role,
        licenses: memberships.licenses,
        overrides: memberships.overrides,
        status: memberships.status,
        version: memberships.version,
        viaAccountName: sql<string | null>`case when ${memberships.accountId} = ${account.id} then null else ${accounts.name} end`,
      })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(accounts, eq(accounts.id, memberships.accountId))
      .leftJoin(invitations, and(eq(invitations.membershipId, memberships.id), isNull(invitations.endedAt)))
      .where(and(sql`${users.email} in (select jsonb_array_elements_text(${JSON.stringify(emails.slice(start, start + EMAIL_CHUNK))}::jsonb))`, scope));
    found.push(...rows.map((row) => ({ ...row, overrides: parseOverrides(row.overrides) })));
  }
  return found;
}

/** Active Super User memberships reaching the account (its own and its network's), read with the caller's executor. */
export async function countActiveSuperUsers(executor: Executor, account: Scope): Promise<number> {
  const accountIds = account.parentId ? [account.id, account.parentId] : [account.id];
  const [row] = await executor
    .select({ total: count() })
    .from(memberships)
    .where(and(inArray(memberships.accountId, accountIds), eq(memberships.role, "super_user"), eq(memberships.status, "active")));
  return row?.total ?? 0;
}
