// Bulk import and export at scale: `DATABASE_URL=… npm run bench:import`.
//
// Import: a generated 100,000-row .xlsx of new people, end to end as the app
// runs it (the upload checks and the parse worker, the preview stored, every
// chunk of the apply job with its invitations and their emails queued),
// against a baseline measured in the same run: reading the same file with
// SheetJS and COPYing the same people and memberships into tables indexed as
// users and memberships are. Export: the same 100,000 members read along the
// table's cursor and written as the export workbook, against a plain SheetJS
// write of the same rows from memory. Each with its peak memory (RSS).
// Targets: import ≤ 2.5× and ≤ 500 MB; export ≤ 1.5× and ≤ 500 MB.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { read, utils, write } from "xlsx";
import { useDatabase } from "@/db/client";
import type { MemberRow } from "@/db/queries/members";
import { seedDemoData } from "@/db/seed";
import { accounts, users } from "@/db/schema";
import { accessContextFor } from "@/lib/authz/authorize";
import { applyImportChunk } from "@/lib/bulk/apply-import";
import { previewUpload } from "@/lib/bulk/preview-upload";
import { startImport } from "@/lib/bulk/start-import";
import { membersForExport } from "@/lib/members/export-members";
import { readUserUpload } from "@/lib/spreadsheet/read-upload";
import { EXPORT_COLUMNS, exportWorkbook } from "@/lib/spreadsheet/users-workbook";
import { openScratchDatabase } from "@/tests/support/scratch-database";

const ROWS = 100_000;
const ROLES = ["Member", "Observer", "Reporting", "Manager"];
const LICENSES = ["", "Marketing", "Contact Center", "Marketing, Contact Center"];

function generatedWorkbook(): Buffer {
  const rows = Array.from({ length: ROWS }, (_, i) => [`person${i}@bench.example`, ROLES[i % ROLES.length]!, `Person ${i}`, LICENSES[i % LICENSES.length]!]);
  const sheet = utils.aoa_to_sheet([["Email", "Role", "Name", "License"], ...rows]);
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, "Users");
  return write(book, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}

/** Runs a task, sampling the process's resident memory; returns its seconds and the peak in MB. */
async function measure(task: () => Promise<unknown>): Promise<{ seconds: number; peakMb: number }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const start = performance.now();
  try {
    await task();
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds: (performance.now() - start) / 1000, peakMb: peak / 1024 / 1024 };
}

function report(label: string, result: { seconds: number; peakMb: number }, baseline?: { seconds: number }) {
  const ratio = baseline ? `  ${(result.seconds / baseline.seconds).toFixed(2)}× baseline` : "";
  console.log(`${label.padEnd(46)} ${result.seconds.toFixed(2).padStart(7)} s  peak ${result.peakMb.toFixed(0).padStart(4)} MB${ratio}`);
}

const copyField = (value: string) => value.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!);

async function copyRows(client: postgres.Sql, statement: string, lines: Iterable<string[]>) {
  const target = await client.unsafe(statement).writable();
  await pipeline(Readable.from((function* () {
    for (const line of lines) yield `${line.map(copyField).join("\t")}\n`;
  })()), target);
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL: this benchmark measures Postgres.");
  const scratch = await openScratchDatabase();
  useDatabase(scratch.handle);
  const database = scratch.handle.db;
  const client = postgres(scratch.url!, { max: 1, onnotice: () => {} });
  try {
    await seedDemoData(database);
    const [acme] = await database.select().from(accounts).where(eq(accounts.slug, "acme"));
    const [admin] = await database.select().from(users).where(eq(users.email, "superuser@acme.test"));
    const session = { user: { id: admin!.id, email: admin!.email, name: admin!.name }, signedInAt: new Date() };
    const actor = await accessContextFor(session, "acme");
    if (actor === "not-found") throw new Error("The demo Super User cannot reach Acme");

    const file = generatedWorkbook();
    console.log(`${ROWS.toLocaleString("en-US")} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB .xlsx\n`);

    // Baseline: SheetJS reads the file, COPY lands the people and their memberships in identically indexed tables.
    await client.unsafe("create table baseline_users (like users including defaults including indexes)");
    await client.unsafe("create table baseline_memberships (like memberships including defaults including indexes)");
    const baseline = await measure(async () => {
      const rows = utils.sheet_to_json<Record<string, string>>(read(file).Sheets.Users!, { raw: false, defval: "" });
      const ids = rows.map(() => randomUUID());
      await copyRows(client, "copy baseline_users (id, email, name) from stdin", rows.map((row, i) => [ids[i]!, row.Email!, row.Name!]));
      await copyRows(
        client,
        "copy baseline_memberships (user_id, account_id, role, licenses, status, sort_name, sort_email) from stdin",
        rows.map((row, i) => [ids[i]!, acme!.id, row.Role!.toLowerCase(), "{marketing}", "invited", row.Name!.toLowerCase(), row.Email!]),
      );
    });
    report("baseline: SheetJS read + COPY", baseline);

    const imported = await measure(async () => {
      const upload = await readUserUpload({ name: "people.xlsx", bytes: new Uint8Array(file) });
      if (!upload.ok) throw new Error(upload.error);
      const { importId, plan } = await database.transaction((tx) => previewUpload(tx, actor, { fileName: "people.xlsx", rows: upload.rows }));
      if (plan.counts.create !== ROWS) throw new Error(`Expected ${ROWS} invitations, the preview planned ${JSON.stringify(plan.counts)}`);
      await database.transaction((tx) => startImport(tx, actor, { importId }));
      while ((await applyImportChunk(importId)) === "more");
    });
    report("import: check, preview, apply, emails queued", imported, baseline);

    const members: MemberRow[] = [];
    const exported = await measure(async () => {
      for await (const page of membersForExport(acme!, { sort: "name" })) members.push(...page);
      exportWorkbook(members);
    });
    const plain = await measure(async () => {
      const rows = members.map((m) => [m.email, m.name, m.role, m.licenses.join(", "), m.status, m.lastSignInAt ?? "", m.twoFactorEnabled ? "On" : "Off"]);
      const book = utils.book_new();
      utils.book_append_sheet(book, utils.aoa_to_sheet([[...EXPORT_COLUMNS], ...rows]), "Users");
      write(book, { type: "buffer", bookType: "xlsx", compression: true });
    });
    console.log("");
    report(`baseline: SheetJS write of ${members.length.toLocaleString("en-US")} rows`, plain);
    report("export: read along the cursor + workbook", exported, plain);
  } finally {
    await client.end();
    useDatabase(undefined);
    await scratch.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
