import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { LocalTime } from "@/app/_components/ui/local-time";
import { DataTable, EmptyState } from "@/app/_components/ui/table";
import { PageHeader } from "@/app/_components/ui/page-header";
import { decodeCallCursor, encodeCallCursor, listCalls } from "@/db/queries/calls";
import { authorize } from "@/lib/authz/authorize";

export const metadata: Metadata = { title: "Calls" };

type Props = {
  params: Promise<{ account: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function formatDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export default async function CallsReportPage({ params, searchParams }: Props) {
  const access = await authorize((await params).account, "reports.view_calls");
  const { account, reportScope } = access;
  const query = await searchParams;
  const after = decodeCallCursor(query.after);
  const badCursor = query.after !== undefined && !after;
  const { rows, next } = await listCalls(account, reportScope, { after });
  const showSignals = access.can("reports.view_signal_results");
  const showAccount = account.type === "network";
  const base = `/a/${account.slug}/reports/calls`;

  return (
    <>
      <PageHeader title="Calls" description={`Calls tracked for ${account.name}${showAccount ? " and its accounts" : ""}, newest first.`} />
      <div className="mb-4 space-y-2">
        {badCursor ? <Alert tone="error">That page link is not valid. Showing the newest calls instead.</Alert> : null}
        {reportScope.kind === "filtered" ? (
          <Alert tone="info">
            Your access shows calls where {reportScope.filter.category} is {reportScope.filter.values.join(" or ")}.
          </Alert>
        ) : null}
        {reportScope.kind === "nothing" ? (
          <Alert tone="info">
            Your access is filtered, but no filter is set yet, so there are no calls to show. Ask a Super User of the account to set your
            data filter.
          </Alert>
        ) : null}
      </div>
      {rows.length === 0 ? (
        reportScope.kind === "nothing" ? null : (
          <EmptyState>No calls {after ? "older than these" : "yet"}.</EmptyState>
        )
      ) : (
        <DataTable
          minWidth="760px"
          columns={[
            "Time",
            showAccount && "Account",
            "Caller",
            { label: "Duration", numeric: true },
            "Campaign",
            "Location",
            "Region",
            showSignals && "Signals",
          ]}
        >
          {rows.map((call) => (
            <tr key={call.id} className="h-11 border-t border-zinc-100 dark:border-zinc-800">
              <td className="px-3 whitespace-nowrap">
                <LocalTime value={call.startedAt.toISOString()} />
              </td>
              {showAccount ? <td className="px-3">{call.accountName}</td> : null}
              <td className="px-3 whitespace-nowrap">{call.callerNumber}</td>
              <td className="px-3 text-right">{formatDuration(call.durationSeconds)}</td>
              <td className="px-3">{call.campaign}</td>
              <td className="px-3">{call.marketingData.location ?? "—"}</td>
              <td className="px-3">{call.marketingData.region ?? "—"}</td>
              {showSignals ? (
                <td className="px-3">
                  {call.signalResults.map((signal) => (
                    <Badge key={signal}>{signal}</Badge>
                  ))}
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}
      <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
        {after || badCursor ? (
          <Link href={base} className="text-accent-600 underline underline-offset-4 dark:text-accent-500">
            Newest calls
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link
            href={`${base}?after=${encodeCallCursor(next)}`}
            className="text-accent-600 underline underline-offset-4 dark:text-accent-500"
          >
            Older calls
          </Link>
        ) : null}
      </nav>
    </>
  );
}
