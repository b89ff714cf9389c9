import { COLUMN_LABELS, UPLOAD_COLUMNS, type UploadColumn } from "./header-match";
import { parseInWorker, type ParseResult } from "./parse-worker";
import { inspectZip, isZip, readSmallEntry, type ZipSummary } from "./zip-guard";
import { columnLetter } from "./xlsx-writer";

export type { UploadColumn } from "./header-match";

export const UPLOAD_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 50,
  maxCellChars: 1_000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxZipEntries: 1_000,
} as const;

// One data row: trimmed cell text per recognised column ("" when blank), and its
// 1-based row number in the sheet as the spreadsheet program shows it.
export type UploadRow = { rowNumber: number } & Record<UploadColumn, string>;
export type ReadUploadResult =
  | { ok: true; rows: UploadRow[]; columns: UploadColumn[]; ignoredHeaders: string[] }
  | { ok: false; error: string };

const EXTENSIONS = new Set(["xlsx", "xls", "ods", "csv"]);
// Rows of the sheet read at most: header, every allowed row, and room for blank
// rows in between. A sheet reaching past it has too many rows.
const SCAN_ROWS = UPLOAD_LIMITS.maxRows + 1 + 1_000;
// Text the parse worker hands back at most, over the known columns of all rows
// (about 40 MB as JavaScript strings); real user lists need a fraction of it.
const MAX_TOTAL_CHARS = 20_000_000;

const NOT_A_SPREADSHEET = "This file is not a spreadsheet. Upload an .xlsx, .xls, .ods or .csv file.";
const TOO_MANY_ROWS = "The file has more than 100,000 rows. Split it into files of at most 100,000 rows and upload them one by one.";

type SimpleProblem = Extract<ParseResult, { ok: false; row?: never; name?: never }>["problem"];

const PARSE_ERRORS: Record<SimpleProblem, string> = {
  encrypted: "The file is protected with a password. Save a copy without the password in your spreadsheet program and upload that.",
  unreadable: "The file could not be read as a spreadsheet. Save it again as .xlsx or .csv and upload it.",
  timeout: "Reading the file took too long. Split it into smaller files and upload them one by one.",
  memory: "The file is too large or complex to read. Split it into smaller files and upload them one by one.",
  busy: "The server is busy checking other files. Try again in a minute.",
  empty: "The first sheet of the file is empty.",
  "too-many-rows": TOO_MANY_ROWS,
  "too-many-columns": "The file has more than 50 columns. Remove the columns you don't need and upload it again.",
  "no-email": "The file has no Email column. Add a column headed Email (or use the template) and upload it again.",
  "no-rows": "The file has no rows under its header.",
  "too-much-text":
    "The file holds more than 20,000,000 characters in its Email, Role, Name, License and Delete User columns. Split it into smaller files and upload them one by one.",
};

const ZIP_ERRORS: Record<Exclude<ZipSummary, { ok: true }>["problem"], string> = {
  malformed: "The file is damaged and could not be read. Save it again from your spreadsheet program and upload it.",
  inconsistent:
    "The file's parts do not match its own table of contents, as in a damaged file or a zip bomb. Save it again from your spreadsheet program and upload it.",
  "too-many-entries": "The file holds more than 1,000 parts, which no user spreadsheet needs. Save it again from your spreadsheet program and upload it.",
  "too-large": "The file would unpack to more than 100 MB, which is far more than 100,000 rows need. Upload a smaller file.",
  encrypted: PARSE_ERRORS.encrypted,
};

const fail = (error: string): ReadUploadResult => ({ ok: false, error });

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 64 * 1024);
  return !head.includes(0);
}

const isCfb = (bytes: Uint8Array) =>
  bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((byte, i) => bytes[i] === byte);

/** Which container the bytes are, given the name's extension; an error message when refused. */
function sniff(name: string, bytes: Uint8Array): { kind: "zip" | "cfb" | "csv" } | { error: string } {
  const extension = name.toLowerCase().split(".").pop() ?? "";
  if (!EXTENSIONS.has(extension)) return { error: NOT_A_SPREADSHEET };
  if (bytes.length === 0) return { error: "The file is empty." };
  if (bytes.length > UPLOAD_LIMITS.maxBytes) return { error: "The file is larger than 10 MB. Split it into smaller files and upload them one by one." };
  // Content decides the reader; the extension only has to be a spreadsheet's
  // (Excel users rename files), but text is read only from a .csv.
  if (isZip(bytes)) {
    if (extension === "csv") return { error: NOT_A_SPREADSHEET };
    const zip = inspectZip(bytes, { maxEntries: UPLOAD_LIMITS.maxZipEntries, maxUncompressedBytes: UPLOAD_LIMITS.maxUncompressedBytes });
    if (!zip.ok) return { error: ZIP_ERRORS[zip.problem] };
    if (!zip.entries.some(({ name }) => name === "xl/workbook.xml" || name === "content.xml")) return { error: NOT_A_SPREADSHEET };
    // A password-protected ODS is an ordinary zip; its manifest lists the encryption.
    const manifest = zip.entries.find(({ name }) => name === "META-INF/manifest.xml");
    if (manifest && readSmallEntry(bytes, manifest, 1024 * 1024)?.includes("encryption-data")) return { error: PARSE_ERRORS.encrypted };
    return { kind: "zip" };
  }
  if (isCfb(bytes)) return extension === "csv" ? { error: NOT_A_SPREADSHEET } : { kind: "cfb" };
  if (extension === "csv" && looksLikeText(bytes)) return { kind: "csv" };
  return { error: NOT_A_SPREADSHEET };
}

export async function readUserUpload(file: { name: string; bytes: Uint8Array }): Promise<ReadUploadResult> {
  const sniffed = sniff(file.name, file.bytes);
  if ("error" in sniffed) return fail(sniffed.error);
  const parsed = await parseInWorker({
    bytes: file.bytes,
    kind: sniffed.kind,
    scanRows: SCAN_ROWS,
    maxRows: UPLOAD_LIMITS.maxRows,
    maxColumns: UPLOAD_LIMITS.maxColumns,
    maxCellChars: UPLOAD_LIMITS.maxCellChars,
    maxTotalChars: MAX_TOTAL_CHARS,
  });
  if (!parsed.ok) return fail(messageOf(parsed));
  const rows = parsed.rows.map(([index, values]) => {
    const row = Object.create(null) as UploadRow;
    row.rowNumber = index + 1;
    for (const column of UPLOAD_COLUMNS) {
      const at = parsed.columns.indexOf(column);
      row[column] = at < 0 ? "" : (values[at] ?? "");
    }
    return row;
  });
  return { ok: true, rows, columns: parsed.columns, ignoredHeaders: parsed.ignoredHeaders };
}

function messageOf(problem: Exclude<ParseResult, { ok: true }>): string {
  switch (problem.problem) {
    case "cell-too-long":
      return `The cell in row ${problem.row + 1}, column ${columnLetter(problem.column)} is longer than 1,000 characters. Shorten it and upload the file again.`;
    case "reserved-header":
      return `The header in row ${problem.row + 1}, column ${columnLetter(problem.column)} is a reserved word. Rename that column and upload the file again.`;
    case "duplicate-column":
      return `The file has two ${COLUMN_LABELS.get(problem.name)} columns (${columnLetter(problem.first)} and ${columnLetter(problem.second)}). Keep one and upload it again.`;
    case "formula-email":
      return `The Email cell in row ${problem.row + 1} holds a formula. Type the email address as text and upload the file again.`;
    default:
      return PARSE_ERRORS[problem.problem];
  }
}
