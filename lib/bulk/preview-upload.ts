import { and, eq, lt, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { insertImport } from "@/db/queries/bulk-imports";
import { bulkImports } from "@/db/schema";
import type { Actor } from "@/lib/members/membership-guards";
import { planImport, type ImportPlan, type ImportRow } from "./plan-import";

/** How long a checked file waits to be applied: after that the account may have moved on. */
export const PREVIEW_LIFETIME_HOURS = 24;

/**
 * Rows per chunk of the apply job, one transaction each, stored as a block
 * each by the preview. Each chunk holds the account's lock while it runs, so
 * single edits wait at most one chunk (under a second); big enough that
 * 100,000 rows are twenty commits, each with its fixed cost (the import's and
 * the account's locks, the actor read again, the plan's lookups, the
 * statement triggers): at 2,000 rows a chunk that cost a tenth more in all.
 */
export const IMPORT_CHUNK_ROWS = 5_000;

/**
 * The dry run of an upload, kept for applying: every row classified (nothing
 * changes in the account) and stored as typed beside its verdict, as a
 * "previewed" import of the uploader's. Applying it later works from these
 * rows, so the file is read once. Older previews nobody applied are dropped.
 */
export async function previewUpload(
  tx: Transaction,
  actor: Actor,
  upload: { fileName: string; rows: ImportRow[] },
  chunkRows = IMPORT_CHUNK_ROWS,
): Promise<{ importId: string; plan: ImportPlan }> {
  const plan = await planImport(tx, actor, upload.rows);
  await tx
    .delete(bulkImports)
    .where(
      and(
        eq(bulkImports.accountId, actor.account.id),
        eq(bulkImports.status, "previewed"),
        lt(bulkImports.createdAt, sql`now() - make_interval(hours => ${PREVIEW_LIFETIME_HOURS})`),
      ),
    );
  const importId = await insertImport(
    tx,
    {
      accountId: actor.account.id,
      uploadedByUserId: actor.session.user.id,
      fileName: upload.fileName,
      deleteRows: plan.counts.delete,
      hasDeleteColumn: upload.rows.some((row) => row.delete !== ""),
    },
    upload.rows.map((row, index) => {
      const verdict = plan.rows[index]!;
      return {
        rowNumber: row.rowNumber,
        email: row.email,
        role: row.role,
        name: row.name,
        license: row.license,
        deleteCell: row.delete,
        plan: verdict.kind,
        planErrors: verdict.errors,
        membershipId: verdict.existing?.membershipId ?? null,
        membershipVersion: verdict.existing?.version ?? null,
      };
    }),
    chunkRows,
  );
  return { importId, plan };
}
