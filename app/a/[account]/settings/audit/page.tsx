import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { LocalTime } from "@/app/_components/ui/local-time";
import { PageHeader } from "@/app/_components/ui/page-header";
import { DataTable, EmptyState } from "@/app/_components/ui/table";
import { listAccountNames } from "@/db/queries/accounts";
import { auditScope, listAuditEvents } from "@/db/queries/audit-events";
import { actionLabel, describeDetails } from "@/lib/audit/describe";
import { authorize } from "@/lib/authz/authorize";
import { parseAuditQuery, type AuditQuery } from "@/lib/validation/audit-query";
import { AuditFilters } from "./_components/audit-filters";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function viewUrl(basePath: string, query: AuditQuery): string {
  const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]));
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}

export default async function AuditLogPage({ params, searchParams }: { params: Promise<{ account: string }>; searchParams: SearchParams }) {
  const access = await authorize((await params).account, "account.view_audit_log");
  const { query, ignored } = parseAuditQuery(await searchParams);
  const scope = await auditScope(access.account);
  const [page, accountNames] = await Promise.all([listAuditEvents(scope, query), scope.length > 1 ? listAccountNames(scope) : Promise.resolve(new Map<string, string>())]);
  const basePath = `/a/${access.account.slug}/settings/audit`;
  const { before: _cursor, ...view } = query;
  const network = scope.length > 1;

  return (
    <>
      <PageHeader
        title="Audit log"
        description={
          network
            ? "Who changed what in this network and its accounts, newest first. Entries cannot be edited or deleted."
            : "Who changed what in this account, newest first. Entries cannot be edited or deleted."
        }
        actions={
          <Button asChild variant="secondary">
            <a href={viewUrl(`${basePath}/export`, view)} download>
              Export to Excel
            </a>
          </Button>
        }
      />
      <AuditFilters basePath={basePath} query={view} />
      {ignored.length > 0 ? (
        <div className="mb-4">
          <Alert tone="info">Some filters in the address were not valid and were left out: {ignored.join(", ")}.</Alert>
        </div>
      ) : null}
      {page.rows.length === 0 ? (
        <EmptyState>{query.before ? "No older events." : "No events match these filters."}</EmptyState>
      ) : (
        <DataTable minWidth="56rem" columns={["When", "Who", "Event", "Target", network && "Account", "Details", "From"]}>
          {page.rows.map((event) => (
            <tr key={event.id} className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800">
              <td className="px-3 py-2 whitespace-nowrap">
                <LocalTime value={event.occurredAt.toISOString()} />
              </td>
              <td className="px-3 py-2">{event.actorEmail ?? <span className="text-zinc-500">{event.actorUserId ? "A deleted person" : "Unknown"}</span>}</td>
              <td className="px-3 py-2">{actionLabel(event.action)}</td>
              <td className="px-3 py-2 break-all">{event.targetLabel ?? ""}</td>
              {network ? <td className="px-3 py-2">{event.accountId ? (accountNames.get(event.accountId) ?? "") : "—"}</td> : null}
              <td className="px-3 py-2 text-zinc-600 dark:text-zinc-400">{describeDetails(event)}</td>
              <td className="px-3 py-2 text-xs text-zinc-500">{event.ip ?? ""}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-2">
        {query.before ? (
          <Button asChild variant="ghost">
            <Link href={viewUrl(basePath, view)}>Newest</Link>
          </Button>
        ) : null}
        {page.next ? (
          <Button asChild variant="secondary">
            <Link href={viewUrl(basePath, { ...view, before: page.next })}>Older events</Link>
          </Button>
        ) : null}
      </nav>
    </>
  );
}
