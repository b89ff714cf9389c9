"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { DataTable } from "@/app/_components/ui/table";
import type { PreviewAnswer, PreviewRow } from "@/lib/bulk/preview-summary";
import type { RowPlanKind } from "@/lib/bulk/plan-import";
import { ApplyImport } from "./apply-import";
import { UploadField } from "./upload-field";

const KINDS: { kind: RowPlanKind; label: string; tone: "success" | "accent" | "danger" | "warning" | "neutral" }[] = [
  { kind: "create", label: "Invite", tone: "success" },
  { kind: "update", label: "Change", tone: "accent" },
  { kind: "delete", label: "Delete", tone: "warning" },
  { kind: "unchanged", label: "No change", tone: "neutral" },
  { kind: "error", label: "Error", tone: "danger" },
];
const kindOf = (kind: RowPlanKind) => KINDS.find((entry) => entry.kind === kind)!;

/** Upload a file, see what each row would do (nothing changes yet), then apply it. */
export function ImportPreview({ accountSlug, importsPath }: { accountSlug: string; importsPath: string }) {
  const [summary, setSummary] = useState<PreviewAnswer>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const check = (file: File) =>
    startTransition(async () => {
      setError(undefined);
      setSummary(undefined);
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(`${importsPath}/preview`, { method: "POST", body }).catch(() => undefined);
      const answer = (await response?.json().catch(() => undefined)) as (PreviewAnswer & { error?: string }) | undefined;
      if (!response?.ok || !answer || answer.error) setError(answer?.error ?? "The file could not be checked. Try again in a moment.");
      else setSummary(answer);
    });

  return (
    <div className="space-y-6">
      <UploadField pending={pending} onFile={check} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {summary ? <PreviewResult summary={summary} /> : null}
      {summary ? <ApplyImport accountSlug={accountSlug} importsPath={importsPath} preview={summary} /> : null}
    </div>
  );
}

function PreviewResult({ summary }: { summary: PreviewAnswer }) {
  return (
    <section aria-labelledby="preview-heading" className="space-y-4">
      <h2 id="preview-heading" className="font-medium">
        What this file would do
      </h2>
      <ul className="flex flex-wrap gap-3" aria-label="Rows by outcome">
        {KINDS.map(({ kind, label, tone }) => (
          <li
            key={kind}
            className="flex items-center gap-2 rounded-md border border-zinc-200 bg-white px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900"
          >
            <Badge tone={tone}>{label}</Badge>
            <span className="tabular-nums">{summary.counts[kind].toLocaleString("en-US")}</span>
          </li>
        ))}
      </ul>
      <Alert tone="info">
        Nothing has changed yet: this is a check of the file.
        {summary.ignoredHeaders.length ? ` Columns left out: ${summary.ignoredHeaders.join(", ")}.` : ""}
      </Alert>
      {summary.rows.length ? (
        <PreviewTable rows={summary.rows} />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Every row matches the account as it is.</p>
      )}
      {summary.hiddenRows ? (
        <p className="text-sm text-zinc-500">And {summary.hiddenRows.toLocaleString("en-US")} more rows not shown.</p>
      ) : null}
    </section>
  );
}

function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  return (
    <DataTable minWidth="640px" columns={["Row", "Email", "Outcome", "Details"]}>
      {rows.map((row) => (
        <tr key={row.rowNumber} className="border-t border-zinc-100 align-top dark:border-zinc-800">
          <td className="px-3 py-2 tabular-nums">{row.rowNumber}</td>
          <th scope="row" className="px-3 py-2 text-left font-normal">
            {row.email || <span className="text-zinc-500">(blank)</span>}
          </th>
          <td className="px-3 py-2">
            <Badge tone={kindOf(row.kind).tone}>{kindOf(row.kind).label}</Badge>
          </td>
          <td className="px-3 py-2">
            <ul className="space-y-0.5">
              {row.errors.map((message) => (
                <li key={message} className="text-red-700 dark:text-red-400">
                  {message}
                </li>
              ))}
              {row.changes.map((change) => (
                <li key={change.field}>
                  {change.field === "licenses" ? "Licenses" : change.field === "role" ? "Role" : "Name"}: {change.from || "—"} → {change.to}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
