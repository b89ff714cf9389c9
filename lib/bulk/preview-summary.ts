import type { ImportPlan, RowPlan } from "./plan-import";

// What the preview page receives: every count, and the rows worth reading
// (all but the unchanged), capped so a 100,000-row file stays a small answer.
export const PREVIEW_ROW_LIMIT = 2_000;

export type PreviewRow = Pick<RowPlan, "rowNumber" | "email" | "kind" | "errors" | "changes">;
export type PreviewSummary = { counts: ImportPlan["counts"]; rows: PreviewRow[]; hiddenRows: number; ignoredHeaders: string[] };
/** The preview route's answer: the summary, and the stored import to apply. */
export type PreviewAnswer = PreviewSummary & { importId: string };

export function previewSummary(plan: ImportPlan, ignoredHeaders: string[]): PreviewSummary {
  const worthReading = plan.rows.filter((row) => row.kind !== "unchanged");
  return {
    counts: plan.counts,
    rows: worthReading.slice(0, PREVIEW_ROW_LIMIT).map(({ rowNumber, email, kind, errors, changes }) => ({ rowNumber, email, kind, errors, changes })),
    hiddenRows: Math.max(0, worthReading.length - PREVIEW_ROW_LIMIT),
    ignoredHeaders,
  };
}
