import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/app/_components/ui/alert";
import { PageHeader } from "@/app/_components/ui/page-header";
import { listMembers } from "@/db/queries/members";
import { authorize } from "@/lib/authz/authorize";
import { encodeMemberCursor, parseMembersQuery, type MembersQuery } from "@/lib/validation/members-query";
import { UsersFilters } from "./_components/users-filters";
import { UsersTable } from "./_components/users-table";

export const metadata: Metadata = { title: "Users" };

const PAGE_SIZE = 50;
const PARAMETER_NAMES = { q: "search", role: "role", license: "license", status: "status", sort: "sort", after: "page" } as const;

function urlFor(basePath: string, query: MembersQuery, after?: string): string {
  const params = new URLSearchParams();
  for (const key of ["q", "role", "license", "status"] as const) if (query[key]) params.set(key, query[key]);
  if (query.sort !== "name") params.set("sort", query.sort);
  if (after) params.set("after", after);
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}

type Props = {
  params: Promise<{ account: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function UsersSettingsPage({ params, searchParams }: Props) {
  const { account } = await authorize((await params).account, "users.view");
  const { query, ignored } = parseMembersQuery(await searchParams);
  const { rows, next } = await listMembers(account, query, PAGE_SIZE);
  const basePath = `/a/${account.slug}/settings/users`;
  const filtered = Boolean(query.q || query.role || query.license || query.status);

  return (
    <>
      <PageHeader title="Users" description={`People who can sign in to ${account.name}, their roles and licenses.`} />
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
        <UsersTable rows={rows} />
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
            <Link href={urlFor(basePath, query, encodeMemberCursor(next))} className="text-accent-600 underline underline-offset-4 dark:text-accent-500">
              Next page
            </Link>
          ) : null}
        </span>
      </nav>
    </>
  );
}
