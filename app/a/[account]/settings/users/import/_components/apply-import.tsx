"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import type { PreviewAnswer } from "@/lib/bulk/preview-summary";
import { deleteConfirmationMessage } from "@/lib/validation/bulk-import";
import { applyImport } from "../actions";

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * The step after the check: apply what it showed. A file that deletes people
 * asks for their number first. The work runs as a job; its page shows the
 * progress (and survives a reload).
 */
export function ApplyImport({ accountSlug, importsPath, preview }: { accountSlug: string; importsPath: string; preview: PreviewAnswer }) {
  const router = useRouter();
  const [confirmDeletes, setConfirmDeletes] = useState("");
  const [error, setError] = useState<{ form?: string; confirmDeletes?: string }>({});
  const [pending, startTransition] = useTransition();
  const { create, update, delete: deletes, error: refused } = preview.counts;
  const changes = create + update + deletes;

  if (changes === 0) {
    return <Alert tone="info">Nothing to apply: {refused ? "fix the rows with errors and upload the file again." : "every row matches the account already."}</Alert>;
  }

  const apply = () =>
    startTransition(async () => {
      setError({});
      const result = await applyImport(accountSlug, { importId: preview.importId, confirmDeletes: deletes > 0 ? confirmDeletes : undefined });
      if (result.ok) return router.push(`${importsPath}/${result.data.importId}`);
      setError(result.fieldErrors?.confirmDeletes ? { confirmDeletes: result.fieldErrors.confirmDeletes } : { form: result.error });
    });

  const parts = [create && count(create, "invitation", "invitations"), update && count(update, "change", "changes"), deletes && count(deletes, "deletion", "deletions")].filter(Boolean);
  return (
    <form
      className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <div className="space-y-1">
        <h2 className="font-medium">Apply this file</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {parts.join(", ")}. {refused ? `The ${count(refused, "row", "rows")} with errors will be skipped; the result workbook lists them. ` : ""}
          Invitations are emailed as they are made. Someone who changes one of these people meanwhile keeps their change: that row is skipped.
        </p>
      </div>
      {deletes > 0 ? (
        <div className="max-w-sm">
          <TextField
            id="confirm-deletes"
            label={`Type ${deletes} to delete ${count(deletes, "user", "users")}`}
            help="Deleted users lose their access to this account at once. Their person record stays, so they can be invited again."
            inputMode="numeric"
            autoComplete="off"
            value={confirmDeletes}
            onChange={(event) => setConfirmDeletes(event.target.value)}
            error={error.confirmDeletes}
          />
        </div>
      ) : null}
      {error.form ? <Alert tone="error">{error.form}</Alert> : null}
      <Button type="submit" disabled={pending || (deletes > 0 && confirmDeletes.trim() !== String(deletes))}>
        {pending ? "Starting…" : `Apply ${count(changes, "change", "changes")}`}
      </Button>
      {deletes > 0 && confirmDeletes.trim() !== "" && confirmDeletes.trim() !== String(deletes) ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{deleteConfirmationMessage(deletes)}</p>
      ) : null}
    </form>
  );
}
