import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/app/_components/ui/alert";
import { PageHeader } from "@/app/_components/ui/page-header";
import { findMemberDetail } from "@/db/queries/member-details";
import { listMembers, type MemberRow } from "@/db/queries/members";
import { accessChoicesFor } from "@/lib/authz/access-choices";
import { authorize, type AccessContext } from "@/lib/authz/authorize";
import { roleRank } from "@/lib/authz/roles";
import { peopleCoveredByAdmin } from "@/lib/members/person-reach";
import { isUuid } from "@/lib/validation/ids";
import { encodeMemberCursor, parseMembersQuery, type MembersQuery } from "@/lib/validation/members-query";
import { EditMemberDialog } from "./_components/edit-member-dialog";
import { InviteDialog } from "./_components/invite-dialog";
import type { MemberOptionsProps } from "./_components/member-options";
import { UsersFilters } from "./_components/users-filters";
import { UsersTable } from "./_components/users-table";

export const metadata: Metadata = { title: "Users" };

const PAGE_SIZE = 50;
const PARAMETER_NAMES = { q: "search", role: "role", license: "license", status: "status", sort: "sort", after: "page" } as const;

function urlFor(basePath: string, query: MembersQuery, extra: { after?: string; edit?: string } = {}): string {
  const params = new URLSearchParams();
  for (const key of ["q", "role", "license", "status"] as const) if (query[key]) params.set(key, query[key]);
  if (query.sort !== "name") params.set("sort", query.sort);
  if (extra.after) params.set("after", extra.after);
  if (extra.edit) params.set("edit", extra.edit);
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}

/**
 * What the caller may do to each row: nothing to themselves, to people who
 * reach this account through its network, or to roles above their own;
 * person-level actions only where their reach covers the whole person.
 */
async function rowOptions(access: AccessContext, rows: MemberRow[], linkTo: (edit: string) => string) {
  const editableRows = rows.filter(
    (row) => !row.viaAccountName && row.userId !== access.session.user.id && roleRank(row.role) <= roleRank(access.role),
  );
  const covered = access.can("users.edit")
    ? await peopleCoveredByAdmin(access.session.user.id, editableRows.map((row) => row.userId))
    : new Set<string>();
  const editable = new Set(editableRows.map((row) => row.membershipId));
  return (member: MemberRow): MemberOptionsProps | undefined =>
    editable.has(member.membershipId)
      ? {
          accountSlug: access.account.slug,
          accountName: access.account.name,
          editHref: linkTo(member.membershipId),
          member,
          can: {
            edit: access.can("users.edit"),
            invite: access.can("users.invite"),
            delete: access.can("users.delete"),
            actOnPerson: covered.has(member.userId),
          },
        }
      : undefined;
}

type Props = {
  params: Promise<{ account: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function UsersSettingsPage({ params, searchParams }: Props) {
  const access = await authorize((await params).account, "users.view");
  const { account } = access;
  const search = await searchParams;
  const { query, ignored } = parseMembersQuery(search);
  const { rows, next } = await listMembers(account, query, PAGE_SIZE);
  const basePath = `/a/${account.slug}/settings/users`;
  const filtered = Boolean(query.q || query.role || query.license || query.status);
  const choices = access.can("users.invite") || access.can("users.edit") ? await accessChoicesFor(access) : undefined;
  const optionsFor = await rowOptions(access, rows, (edit) => urlFor(basePath, query, { after: search.after as string | undefined, edit }));
  const editing = await memberToEdit(access, search.edit);
  const closeEditHref = urlFor(basePath, query, { after: typeof search.after === "string" ? search.after : undefined });

  return (
    <>
      <PageHeader
        title="Users"
        description={`People who can sign in to ${account.name}, their roles and licenses.`}
        actions={access.can("users.invite") && choices ? <InviteDialog choices={choices} /> : undefined}
      />
      {editing === "unknown" ? (
        <div className="mb-4">
          <Alert tone="error">That user is not in this account, or you cannot edit them. Pick someone from the list.</Alert>
        </div>
      ) : editing && choices ? (
        <EditMemberDialog member={editing.member} choices={choices} coversPerson={editing.coversPerson} closeHref={closeEditHref} />
      ) : null}
      <UsersFilters basePath={basePath} query={query} />
      {ignored.length > 0 ? (
        <div className="mb-4">
          <Alert tone="error">
            Part of this link was not valid and was left out: {ignored.map((key) => PARAMETER_NAMES[key as keyof typeof PARAMETER_NAMES] ?? key).join(", ")}.
          </Alert>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center dark:border-zinc-700 dark:bg-zinc-900">
          {filtered ? (
            <p className="text-zinc-600 dark:text-zinc-400">
              No users match {query.q ? `“${query.q}”` : "these filters"}.{" "}
              <Link href={basePath} className="text-accent-600 underline underline-offset-4 dark:text-accent-500">
                Clear the search
              </Link>
            </p>
          ) : (
            <p className="text-zinc-600 dark:text-zinc-400">{query.after ? "No more users." : "No users yet."}</p>
          )}
        </div>
      ) : (
        <UsersTable rows={rows} optionsFor={optionsFor} />
      )}
      <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
        <span className="text-zinc-500">
          {rows.length > 0 ? `Showing ${rows.length}${next ? ", more on the next page" : ""}` : null}
        </span>
        <span className="flex gap-4">
          {query.after ? (
            <Link href={urlFor(basePath, query)} className="text-accent-600 underline underline-offset-4 dark:text-accent-500">
              First page
            </Link>
          ) : null}
          {next ? (
            <Link href={urlFor(basePath, query, { after: encodeMemberCursor(next) })} className="text-accent-600 underline underline-offset-4 dark:text-accent-500">
              Next page
            </Link>
          ) : null}
        </span>
      </nav>
    </>
  );
}

/** The member named by ?edit=, when the caller may edit them; "unknown" for anyone else. */
async function memberToEdit(access: AccessContext, edit: string | string[] | undefined) {
  if (edit === undefined) return undefined;
  if (!access.can("users.edit") || !isUuid(edit)) return "unknown" as const;
  const member = await findMemberDetail(access.account, edit);
  if (!member || member.viaAccountName || member.userId === access.session.user.id || roleRank(member.role) > roleRank(access.role)) {
    return "unknown" as const;
  }
  const coversPerson = (await peopleCoveredByAdmin(access.session.user.id, [member.userId])).has(member.userId);
  return { member, coversPerson };
}
