"use server";

// Built with accountAction(): authorize() for the account and users.bulk_manage
// runs before anything is parsed or written.

import { accountAction } from "@/lib/action";
import { startImport } from "@/lib/bulk/start-import";
import { requestImportRun } from "@/lib/jobs/import-requests";
import { applyImportSchema } from "@/lib/validation/bulk-import";

export const applyImport = accountAction({
  input: applyImportSchema,
  permission: "users.bulk_manage",
  async run({ input, access, tx }) {
    await startImport(tx, access, input);
    return { importId: input.importId };
  },
  // The job starts once the import is committed as queued; if this hand-over
  // fails, the job queue's sweep starts it within a minute.
  afterCommit: async ({ importId }) => requestImportRun(importId).catch(() => undefined),
});
