import type { Metadata } from "next";
import { Suspense } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { PageHeader } from "@/app/_components/ui/page-header";
import { findMemberDetail } from "@/db/queries/member-details";
import { accessChoicesFor } from "@/lib/authz/access-choices";
import { authorize, type AccessContext } from "@/lib/authz/authorize";
import { roleRank } from "@/lib/authz/roles";
import { peopleCoveredByAdmin } from "@/lib/members/person-reach";
import { isUuid } from "@/lib/validation/ids";
import { parseMembersQuery } from "@/lib/validation/members-query";
import { supportedTimeZones } from "@/lib/validation/profile";
import { BulkMenu } from "./_components/bulk-menu";
import { EditMemberDialog } from "./_components/edit-member-dialog";
import { InviteDialog } from "./_components/invite-dialog";
import { UsersFilters } from "./_components/users-filters";
import { UsersResults, UsersResultsSkeleton } from "./_components/users-results";
import { usersUrl } from "./_components/users-url";

export const metadata: Metadata = { title: "Users" };

const PARAMETER_NAMES = { q: "search", role: "role", license: "license", status: "status", sort: "sort", after: "page" } as const;

type Props = {
  params: Promise<{ account: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function UsersSettingsPage({ params, searchParams }: Props) {
  // Authorized before anything streams, so a refusal is a real 403/404.
  const access = await authorize((await params).account, "users.view");
  const { account } = access;
  const search = await searchParams;
  const { query, ignored } = parseMembersQuery(search);
  const after = typeof search.after === "string" && query.after ? search.after : undefined;
  const basePath = `/a/${account.slug}/settings/users`;
  const choices = access.can("users.invite") || access.can("users.edit") ? await accessChoicesFor(access) : undefined;
  const editing = await memberToEdit(access, search.edit);

  return (
    <>
      <PageHeader
        title="Users"
        description={`People who can sign in to ${account.name}, their roles and licenses.`}
        actions={
          <>
            {access.can("users.bulk_manage") ? (
              <BulkMenu importHref={`${basePath}/import`} templateHref={`${basePath}/template`} exportHref={usersUrl(`${basePath}/export`, query)} />
            ) : null}
            {access.can("users.invite") && choices ? <InviteDialog choices={choices} /> : null}
          </>
        }
      />
      {editing === "unknown" ? (
        <div className="mb-4">
          <Alert tone="error">That user is not in this account, or you cannot edit them. Pick someone from the list.</Alert>
        </div>
      ) : editing && choices ? (
        <EditMemberDialog member={editing.member} timeZones={supportedTimeZones()} choices={choices} coversPerson={editing.coversPerson}
          twoFactor={{ canManage: access.can("account.manage_two_factor"), accountRequires: access.account.twoFactorRequired }}
          closeHref={usersUrl(basePath, query, { after })} />
      ) : null}
      <UsersFilters basePath={basePath} query={query} />
      {ignored.length > 0 ? (
        <div className="mb-4">
          <Alert tone="error">
            Part of this link was not valid and was left out: {ignored.map((key) => PARAMETER_NAMES[key as keyof typeof PARAMETER_NAMES] ?? key).join(", ")}.
          </Alert>
        </div>
      ) : null}
      <Suspense key={usersUrl(basePath, query, { after })} fallback={<UsersResultsSkeleton />}>
        <UsersResults access={access} query={query} basePath={basePath} after={after} />
      </Suspense>
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
