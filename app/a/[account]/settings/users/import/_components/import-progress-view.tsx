"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import type { ImportProgress } from "@/lib/bulk/import-progress";

const POLL_MS = 1_000;
const number = (n: number) => n.toLocaleString("en-US");

const OUTCOMES = [
  { key: "invited", label: "Invited", tone: "success" },
  { key: "changed", label: "Changed", tone: "accent" },
  { key: "deleted", label: "Deleted", tone: "warning" },
  { key: "unchanged", label: "No change", tone: "neutral" },
  { key: "error", label: "Errors", tone: "danger" },
] as const;

/** Polls the import's status while it is queued or running; the server keeps the progress, so a reload shows the same. */
export function ImportProgressView({ initial, statusUrl, resultUrl, importsPath }: { initial: ImportProgress; statusUrl: string; resultUrl: string; importsPath: string }) {
  const [progress, setProgress] = useState(initial);
  const [stale, setStale] = useState(false);
  const underway = progress.status === "queued" || progress.status === "running";

  useEffect(() => {
    if (!underway) return;
    const timer = setTimeout(async () => {
      const response = await fetch(statusUrl, { cache: "no-store" }).catch(() => undefined);
      const next = response?.ok ? ((await response.json().catch(() => undefined)) as ImportProgress | undefined) : undefined;
      setStale(!next);
      // Set even when unchanged, so the next poll is scheduled.
      setProgress((current) => (next ? next : { ...current }));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [progress, underway, statusUrl]);

  if (progress.status === "previewed") {
    return (
      <Alert tone="info">
        This file was checked but not applied. <Link href={importsPath} className="underline underline-offset-4">Upload it again</Link> to apply it.
      </Alert>
    );
  }
  const percent = progress.totalRows === 0 ? 100 : Math.floor((progress.doneRows / progress.totalRows) * 100);
  return (
    <section aria-labelledby="progress-heading" className="space-y-4">
      <h2 id="progress-heading" className="font-medium">
        {underway ? "Applying the file…" : progress.status === "finished" ? "Import finished" : "Import stopped"}
      </h2>
      <div className="space-y-1.5">
        <div
          role="progressbar"
          aria-label="Rows applied"
          aria-valuemin={0}
          aria-valuemax={progress.totalRows}
          aria-valuenow={progress.doneRows}
          aria-valuetext={`${number(progress.doneRows)} of ${number(progress.totalRows)} rows (${percent} %)`}
          className="h-2.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div className="h-full rounded-full bg-accent-600 transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400" aria-live="polite">
          {number(progress.doneRows)} of {number(progress.totalRows)} rows · {percent} %
          {underway ? " — you can leave this page; you will get a notification when it is done." : ""}
        </p>
      </div>
      {stale ? <Alert tone="error">Could not reach the server to refresh the progress. Retrying…</Alert> : null}
      {progress.failure ? <Alert tone="error">{progress.failure}</Alert> : null}
      {progress.counts ? (
        <>
          <ul className="flex flex-wrap gap-3" aria-label="Rows by result">
            {OUTCOMES.map(({ key, label, tone }) => (
              <li key={key} className="flex items-center gap-2 rounded-md border border-zinc-200 bg-white px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900">
                <Badge tone={tone}>{label}</Badge>
                <span className="tabular-nums">{number(progress.counts![key])}</span>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-3">
            <Button asChild variant="secondary">
              <a href={resultUrl} download>
                Download the result workbook
              </a>
            </Button>
            <Button asChild variant="ghost">
              <Link href={importsPath}>Import another file</Link>
            </Button>
          </div>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">The workbook lists every row of the file with its result; fix the rows with errors there and upload it again.</p>
        </>
      ) : null}
    </section>
  );
}
