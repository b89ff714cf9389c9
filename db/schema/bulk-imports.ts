import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
export type ImportRowPlan = (typeof IMPORT_ROW_PLANS)[number];
export const IMPORT_ROW_RESULTS = ["invited", "changed", "deleted", "unchanged", "error"] as const;
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
    // Whether any row had a Delete User cell filled in (its result workbook then keeps that column).
    hasDeleteColumn: boolean().notNull().default(false),
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

// An upload's data rows, as typed, with the preview's verdicts and, once
// applied, their results, a block of rows per record: the apply job takes a
// block per transaction, and its results are written with it in one go. A
// row is its block's business, never queried on its own, so the blocks keep
// the rows as JSON text (parsed by the app alone), which costs a fraction of
// a table row per upload row to store and to read back.
export const bulkImportBlocks = pgTable(
  "bulk_import_blocks",
  {
    importId: uuid()
      .notNull()
      .references(() => bulkImports.id, { onDelete: "cascade" }),
    // 0, 1, 2 … in sheet order.
    block: integer().notNull(),
    rowCount: integer().notNull(),
    // JSON array of StoredImportRow.
    rows: text().notNull(),
    // Null until the block is applied, then one RowResult per row, in the same order.
    results: jsonb().$type<RowResult[]>(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.block] })],
);

/** An uploaded row as the preview stored it. */
export type StoredImportRow = {
  // The row's number in the sheet, as the preview and the result workbook name it.
  rowNumber: number;
  email: string;
  role: string;
  name: string;
  license: string;
  deleteCell: string;
  plan: ImportRowPlan;
  // The preview's reasons for an error row.
  planErrors: string[];
  // The membership the preview matched and its version then: a member changed
  // since the preview is not overwritten by it.
  membershipId: string | null;
  membershipVersion: number | null;
};

/** What applying did to a row. */
export type RowResult = { result: ImportRowResult; error?: string };

export type BulkImport = typeof bulkImports.$inferSelect;
