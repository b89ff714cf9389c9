import Link from "next/link";
import { EmptyState } from "@/app/_components/ui/table";
import { listMembers, type MemberRow } from "@/db/queries/members";
import type { AccessContext } from "@/lib/authz/authorize";
import { roleRank } from "@/lib/authz/roles";
import { peopleCoveredByAdmin } from "@/lib/members/person-reach";
import { encodeMemberCursor, type MembersQuery } from "@/lib/validation/members-query";
import type { MemberOptionsProps } from "./member-options";
import { UsersTable } from "./users-table";
import { usersUrl } from "./users-url";

const PAGE_SIZE = 50;
const linkClass = "text-accent-600 underline underline-offset-4 dark:text-accent-500";

/**
 * What the caller may do to each row: nothing to themselves, to people who
 * reach this account through its network, or to roles above their own;
 * person-level actions only where their reach covers the whole person.
 */
async function rowOptions(access: AccessContext, rows: MemberRow[], editHref: (membershipId: string) => string) {
  const editableRows = rows.filter(
    (row) => !row.viaAccountName && row.userId !== access.session.user.id && roleRank(row.role) <= roleRank(access.role),
  );
  const covered = access.can("users.edit")
    ? await peopleCoveredByAdmin(access.session.user.id, editableRows.map((row) => row.userId))
    : new Set<string>();
  const editable = new Set(editableRows.map((row) => row.membershipId));
  const can = { edit: access.can("users.edit"), invite: access.can("users.invite"), delete: access.can("users.delete") };
  return (member: MemberRow): MemberOptionsProps | undefined =>
    editable.has(member.membershipId)
      ? {
          accountSlug: access.account.slug,
          accountName: access.account.name,
          editHref: editHref(member.membershipId),
          member,
          can: { ...can, actOnPerson: covered.has(member.userId) },
        }
      : undefined;
}

type Props = { access: AccessContext; query: MembersQuery; basePath: string; after?: string };

/** One page of the users table with its pager; streamed in after the page's header and filters. */
export async function UsersResults({ access, query, basePath, after }: Props) {
  const { rows, next } = await listMembers(access.account, query, PAGE_SIZE);
  const optionsFor = await rowOptions(access, rows, (edit) => usersUrl(basePath, query, { after, edit }));
  const filtered = Boolean(query.q || query.role || query.license || query.status);

  return (
    <>
      {rows.length === 0 ? (
        <EmptyState>
          {filtered ? (
            <p>
              No users match {query.q ? `“${query.q}”` : "these filters"}.{" "}
              <Link href={basePath} className={linkClass}>
                Clear the search
              </Link>
            </p>
          ) : (
            <p>
              {query.after ? "No more users." : access.can("users.invite") ? "No users yet. Invite someone with + New." : "No users yet."}
            </p>
          )}
        </EmptyState>
      ) : (
        <UsersTable rows={rows} optionsFor={optionsFor} />
      )}
      <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
        <span className="text-zinc-500">{rows.length > 0 ? `Showing ${rows.length}${next ? ", more on the next page" : ""}` : null}</span>
        <span className="flex gap-4">
          {query.after ? (
            <Link href={usersUrl(basePath, query)} className={linkClass}>
              First page
            </Link>
          ) : null}
          {next ? (
            <Link href={usersUrl(basePath, query, { after: encodeMemberCursor(next) })} className={linkClass}>
              Next page
            </Link>
          ) : null}
        </span>
      </nav>
    </>
  );
}

/** Shown while a page of users loads: the table's shape, so nothing jumps when it arrives. */
export function UsersResultsSkeleton() {
  return (
    <div role="status" aria-label="Loading users" className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      {Array.from({ length: 8 }, (_, row) => (
        <div key={row} className="flex h-11 items-center gap-4 border-t border-zinc-100 px-3 first:border-t-0 dark:border-zinc-800">
          <div className="h-3 w-48 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
          <div className="h-3 w-24 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
          <div className="h-3 w-32 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
        </div>
      ))}
    </div>
  );
}
