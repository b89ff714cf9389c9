import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { hasBlockToApply, importRowPages, importResultCounts, nextImportBlock } from "@/db/queries/bulk-imports";
import { openScratchDatabase, type ScratchDatabase } from "@/tests/support/scratch-database";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");
const BEFORE_BLOCKS = 23; // the last migration with one table row per uploaded row

/** A copy of the migration history up to and including migration `last`. */
async function historyUpTo(last: number): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "rolecall-migrations-"));
  await cp(MIGRATIONS, folder, { recursive: true });
  const journalPath = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(await readFile(journalPath, "utf8")) as { entries: { idx: number }[] };
  await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((entry) => entry.idx <= last) }));
  return folder;
}

let folder: string;
let database: ScratchDatabase;
beforeAll(async () => {
  folder = await historyUpTo(BEFORE_BLOCKS);
  database = await openScratchDatabase(process.env.DATABASE_URL, folder);
});
afterAll(async () => {
  await database.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe(`migration 0024: an upload's rows in blocks (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("keeps each import as it was: an underway one's applied rows with their results and the rest still to apply, a finished one whole", async () => {
    const { db } = database.handle;
    await db.execute(sql`insert into accounts (id, name, slug, type, products) values ('00000000-0000-4000-8000-000000000001', 'Net', 'net', 'network', '{marketing}')`);
    await db.execute(sql`insert into users (id, email, name) values ('00000000-0000-4000-8000-000000000002', 'up@net.test', 'Up')`);
    await db.execute(sql`insert into bulk_imports (id, account_id, uploaded_by_user_id, file_name, status, total_rows, done_rows)
      values ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'f.xlsx', 'running', 4, 2)`);
    await db.execute(sql`insert into bulk_import_rows (import_id, row_number, email, role, name, license, delete_cell, plan, plan_errors, membership_id, membership_version, result, error) values
      ('00000000-0000-4000-8000-000000000003', 2, 'a@x.test', 'Member', 'A', '', '', 'create', '{}', null, null, 'invited', null),
      ('00000000-0000-4000-8000-000000000003', 3, 'bad', 'Member', '', '', '', 'error', '{"Not an email."}', null, null, 'error', 'Not an email.'),
      ('00000000-0000-4000-8000-000000000003', 5, 'c@x.test', 'Observer', '', '', 'Delete User', 'delete', '{}', '00000000-0000-4000-8000-000000000004', 3, null, null),
      ('00000000-0000-4000-8000-000000000003', 6, 'd@x.test', 'Member', 'D', 'Marketing', '', 'create', '{}', null, null, null, null)`);

    // A finished import: every row has its result, and none had a Delete User cell.
    await db.execute(sql`insert into bulk_imports (id, account_id, uploaded_by_user_id, file_name, status, total_rows, done_rows)
      values ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'g.xlsx', 'finished', 2, 2)`);
    await db.execute(sql`insert into bulk_import_rows (import_id, row_number, email, role, name, license, delete_cell, plan, plan_errors, result) values
      ('00000000-0000-4000-8000-000000000005', 2, 'e@x.test', 'Member', '', '', '', 'create', '{}', 'invited'),
      ('00000000-0000-4000-8000-000000000005', 3, 'f@x.test', 'Member', '', '', '', 'unchanged', '{}', 'unchanged')`);

    await migrateDatabase(database.handle);

    const finished = "00000000-0000-4000-8000-000000000005";
    expect(await importResultCounts(db, finished)).toEqual({ invited: 1, changed: 0, deleted: 0, unchanged: 1, error: 0 });
    expect(await db.transaction((tx) => hasBlockToApply(tx, finished))).toBe(false);
    expect(await queryRows(sql`select has_delete_column from bulk_imports where id = ${finished}`, db)).toEqual([{ has_delete_column: false }]);

    const importId = "00000000-0000-4000-8000-000000000003";
    const rows = [];
    for await (const page of importRowPages(db, importId)) rows.push(...page);
    expect(rows).toEqual([
      { rowNumber: 2, email: "a@x.test", role: "Member", name: "A", license: "", deleteCell: "", plan: "create", planErrors: [], membershipId: null, membershipVersion: null, result: "invited", error: null },
      { rowNumber: 3, email: "bad", role: "Member", name: "", license: "", deleteCell: "", plan: "error", planErrors: ["Not an email."], membershipId: null, membershipVersion: null, result: "error", error: "Not an email." },
      { rowNumber: 5, email: "c@x.test", role: "Observer", name: "", license: "", deleteCell: "Delete User", plan: "delete", planErrors: [], membershipId: "00000000-0000-4000-8000-000000000004", membershipVersion: 3, result: null, error: null },
      { rowNumber: 6, email: "d@x.test", role: "Member", name: "D", license: "Marketing", deleteCell: "", plan: "create", planErrors: [], membershipId: null, membershipVersion: null, result: null, error: null },
    ]);
    expect(await importResultCounts(db, importId)).toEqual({ invited: 1, changed: 0, deleted: 0, unchanged: 0, error: 1 });
    // The apply job carries on with the two rows that were waiting, as one block.
    const next = await db.transaction((tx) => nextImportBlock(tx, importId));
    expect(next?.rows.map((row) => row.rowNumber)).toEqual([5, 6]);
    expect(await queryRows(sql`select has_delete_column from bulk_imports where id = ${importId}`, db)).toEqual([{ has_delete_column: true }]);
  });
});
