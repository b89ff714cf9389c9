import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { lockImport } from "@/db/queries/bulk-imports";
import { bulkImports } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import type { Actor } from "@/lib/members/membership-guards";
import { deleteConfirmationMessage } from "@/lib/validation/bulk-import";
import { PREVIEW_LIFETIME_HOURS } from "./preview-upload";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { importLane } from "@/lib/jobs/import-requests";

const HOUR_MS = 3_600_000;

/**
 * Hands a previewed import to the apply job: only its uploader may, once,
 * within a day of the preview, and a file that deletes people needs their
 * number typed back. The caller queues the job once this commits.
 */
export async function startImport(tx: Transaction, actor: Actor, request: { importId: string; confirmDeletes?: string }): Promise<void> {
  const record = await lockImport(tx, request.importId);
  if (!record || record.accountId !== actor.account.id) throw new ActionError("This import does not exist in this account.");
  if (record.uploadedByUserId !== actor.session.user.id) {
    throw new ActionError("Only the person who uploaded this file can apply it. Upload it yourself to check it first.");
  }
  if (record.status !== "previewed") throw new ActionError("This file has already been applied. Its progress is on the import's page.");
  if (Date.now() - record.createdAt.getTime() > PREVIEW_LIFETIME_HOURS * HOUR_MS) {
    throw new ActionError("This check is more than a day old. Upload the file again to check it against the account as it is now.");
  }
  if (record.deleteRows > 0 && request.confirmDeletes?.trim() !== String(record.deleteRows)) {
    const message = deleteConfirmationMessage(record.deleteRows);
    throw new ActionError(message, { confirmDeletes: message });
  }
  await tx.update(bulkImports).set({ status: "queued", appliedAt: sql`now()` }).where(eq(bulkImports.id, record.id));
  // Every run of the apply job works under this one key (pg-boss's singleton key), whatever its job id.
  await recordAudit(tx, {
    action: "import.applied",
    accountId: actor.account.id,
    actor: auditActor(actor),
    target: { type: "import", id: record.id, label: record.fileName },
    details: { jobKey: importLane(record.id), rows: record.totalRows, deletes: record.deleteRows },
  });
}
