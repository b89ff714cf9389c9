import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { createdAt } from "./columns";
import { users } from "./users";

// previewed: checked, waiting for the admin to apply it (nothing written yet);
// queued → running → finished, or failed (the uploader lost the right to apply it).
export const BULK_IMPORT_STATUSES = ["previewed", "queued", "running", "finished", "failed"] as const;
export const bulkImportStatus = pgEnum("bulk_import_status", BULK_IMPORT_STATUSES);
export type BulkImportStatus = (typeof BULK_IMPORT_STATUSES)[number];

// What a row's preview said it would do, and what applying it did.
export const IMPORT_ROW_PLANS = ["create", "update", "delete", "unchanged", "error"] as const;
export const importRowPlan = pgEnum("import_row_plan", IMPORT_ROW_PLANS);
export const IMPORT_ROW_RESULTS = ["invited", "changed", "deleted", "unchanged", "error"] as const;
export const importRowResult = pgEnum("import_row_result", IMPORT_ROW_RESULTS);
export type ImportRowResult = (typeof IMPORT_ROW_RESULTS)[number];

// One uploaded spreadsheet of users, from its preview to its last applied row.
export const bulkImports = pgTable(
  "bulk_imports",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    // Applying acts as this person, with the access they have at each step.
    uploadedByUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    status: bulkImportStatus().notNull().default("previewed"),
    totalRows: integer().notNull(),
    // Rows with a result: the progress bar. Written with each applied chunk.
    doneRows: integer().notNull().default(0),
    // How many rows the preview would delete: applying asks for this number, typed.
    deleteRows: integer().notNull().default(0),
    // Why a failed import stopped.
    failure: text(),
    // Runs of the apply job that died with an unexpected error; past a few the import stops.
    failedRuns: integer().notNull().default(0),
    createdAt: createdAt(),
    appliedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("bulk_imports_account_created_idx").on(t.accountId, t.createdAt.desc()), check("bulk_imports_done_within_total", sql`${t.doneRows} between 0 and ${t.totalRows}`)],
);

// Each data row of the upload, as typed, with the preview's verdict and, once
// applied, its result: the result workbook is these rows with two more columns.
export const bulkImportRows = pgTable(
  "bulk_import_rows",
  {
    importId: uuid()
      .notNull()
      .references(() => bulkImports.id, { onDelete: "cascade" }),
    // The row's number in the sheet, as the preview and the result workbook name it.
    rowNumber: integer().notNull(),
    email: text().notNull(),
    role: text().notNull(),
    name: text().notNull(),
    license: text().notNull(),
    deleteCell: text().notNull(),
    plan: importRowPlan().notNull(),
    // The preview's reasons for an error row.
    planErrors: text().array().notNull().default(sql`'{}'`),
    // The membership the preview matched and its version then: a member changed
    // since the preview is not overwritten by it.
    membershipId: uuid(),
    membershipVersion: integer(),
    result: importRowResult(),
    error: text(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.rowNumber] }),
    // The apply step's next chunk: rows without a result, in sheet order.
    index("bulk_import_rows_pending_idx").on(t.importId, t.rowNumber).where(sql`${t.result} is null`),
  ],
);

export type BulkImport = typeof bulkImports.$inferSelect;
export type BulkImportRow = typeof bulkImportRows.$inferSelect;
