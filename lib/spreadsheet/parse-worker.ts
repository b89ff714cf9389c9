import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { HEADER_RULES, type UploadColumn } from "./header-match";

/**
 * What the worker may hand back. Everything is checked inside the worker, so
 * the main thread only ever receives the known columns' texts, within a budget.
 */
export type ParseInput = {
  bytes: Uint8Array;
  kind: "zip" | "cfb" | "csv";
  /** Rows of the sheet read at most (a memory bound); a sheet reaching past them is refused. */
  scanRows: number;
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  /** Characters of known-column text returned at most, summed over all rows. */
  maxTotalChars: number;
};
/** One data row: its 0-based index in the sheet and the trimmed texts of `columns`, in that order. */
export type ParsedRow = [index: number, values: string[]];
export type ParseResult =
  | { ok: true; headerRow: number; columns: UploadColumn[]; ignoredHeaders: string[]; rows: ParsedRow[] }
  | {
      ok: false;
      problem: "encrypted" | "unreadable" | "timeout" | "memory" | "busy" | "empty" | "too-many-rows" | "too-many-columns" | "no-email" | "no-rows" | "too-much-text";
    }
  | { ok: false; problem: "cell-too-long" | "reserved-header"; row: number; column: number }
  | { ok: false; problem: "duplicate-column"; name: UploadColumn; first: number; second: number }
  | { ok: false; problem: "formula-email"; row: number };

export const PARSE_LIMITS: Readonly<{ timeMs: number; heapMb: number }> = { timeMs: 15_000, heapMb: 256 };
// Each parse may take its heap cap; a few at once is all the server lends.
const MAX_CONCURRENT_PARSES = 2;
// Beyond this many waiting, an upload is turned away rather than queued without end.
const MAX_WAITING_PARSES = 8;

// Plain JS run with `eval: true`: nothing to bundle or transpile, so the same
// code runs under Vitest and in the Next.js server. SheetJS is required by the
// absolute path the parent resolved.
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require("node:worker_threads");
const { xlsxPath, bytes, kind, scanRows, maxRows, maxColumns, maxCellChars, maxTotalChars, rules } = workerData;
const XLSX = require(xlsxPath);
const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

// header-match.ts's columnOf and isReservedHeader, from its HEADER_RULES.
const notLetterOrDigit = new RegExp(rules.normalize.source, rules.normalize.flags);
const aliases = new Map(rules.aliases);
const normalize = (header) => header.toLowerCase().replace(notLetterOrDigit, "");
function isReserved(header) {
  const compact = header.toLowerCase().replace(/\s/g, "");
  return rules.reservedSubstrings.some((word) => compact.includes(word)) || rules.reservedNames.includes(normalize(header));
}

function decodeText() {
  // UTF-8 (a BOM is dropped by TextDecoder); older Excel saves CSV as Windows-1252.
  try { return new TextDecoder("utf-8", { fatal: true }).decode(buffer); }
  catch { return new TextDecoder("windows-1252").decode(buffer); }
}

function separatorOf(text) {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== "") || "";
  let commas = 0, semicolons = 0, quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

function textOf(cell) {
  if (!cell || cell.v == null) return "";
  if (cell.t === "s") return String(cell.v);
  if (cell.t === "b") return cell.v ? "TRUE" : "FALSE";
  if (cell.t === "e") return "";
  if (cell.v instanceof Date) return cell.v.toISOString();
  return String(cell.v);
}

// The first sheet's XML, found as SheetJS's parse_zip finds it (workbook rels,
// then the Target under xl/); its first worksheet part when that fails.
function firstSheetXml(book) {
  const files = book.files || {};
  const workbook = ((book.Directory && book.Directory.workbooks) || [])[0] || "/xl/workbook.xml";
  const slash = workbook.lastIndexOf("/");
  let relsPath = (workbook.slice(0, slash + 1) + "_rels/" + workbook.slice(slash + 1) + ".rels").replace(/^\//, "");
  if (!files[relsPath]) relsPath = "xl/_rels/workbook.xml.rels";
  const id = (((book.Workbook && book.Workbook.Sheets) || [])[0] || {}).id;
  const rels = files[relsPath] && files[relsPath].content ? Buffer.from(files[relsPath].content).toString("utf8") : "";
  let target;
  for (const tag of rels.match(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g) || []) {
    const idOf = /\bId\s*=\s*["']([^"']*)["']/.exec(tag), targetOf = /\bTarget\s*=\s*["']([^"']*)["']/.exec(tag);
    if (idOf && targetOf && idOf[1] === id) { target = targetOf[1]; break; }
  }
  const candidates = target
    ? ["xl/" + target.replace(/[\/]?xl\//, ""), target.replace(/^\//, ""), relsPath.replace(/_rels\/[\S\s]*$/, "") + target]
    : [];
  const fallback = ((book.Directory && book.Directory.sheets) || [])[0];
  if (fallback) candidates.push(fallback.replace(/^\//, ""));
  for (const candidate of candidates) if (files[candidate] && files[candidate].content) return files[candidate].content;
  return null;
}

// The highest 1-based row number among the sheet's <row> tags (one without r
// follows the previous, as SheetJS counts), read in slices so a large sheet is
// never one string.
function lastXlsxRow(book) {
  const content = firstSheetXml(book);
  if (!content) return 0;
  const xml = Buffer.isBuffer(content) ? content : Buffer.from(content);
  const pattern = /<(?:[A-Za-z_][\w.-]*:)?row\b([^>]*)>/g;
  const SLICE = 1 << 20, OVERLAP = 1 << 14;
  let last = 0, highest = 0;
  for (let start = 0; start < xml.length; ) {
    const end = Math.min(xml.length, start + SLICE + OVERLAP);
    const text = xml.toString("latin1", start, end);
    const limit = end === xml.length ? text.length : SLICE;
    let resume = limit, match;
    pattern.lastIndex = 0;
    while ((match = pattern.exec(text)) && match.index < limit) {
      const number = /(?:^|\s)r\s*=\s*["'](\d+)["']/.exec(match[1]);
      last = number ? parseInt(number[1], 10) : last + 1;
      if (last > highest) highest = last;
      resume = Math.max(resume, match.index + match[0].length);
    }
    start += resume;
  }
  return highest;
}

function parse() {
  if (kind === "cfb") {
    const cfb = XLSX.CFB.read(buffer, { type: "buffer" });
    if (XLSX.CFB.find(cfb, "EncryptionInfo") || XLSX.CFB.find(cfb, "EncryptedPackage")) return { ok: false, problem: "encrypted" };
  }
  const options = { dense: true, cellFormula: true, cellHTML: false, cellText: false, cellDates: false, cellNF: false,
    cellStyles: false, bookVBA: false, sheets: 0, sheetRows: scanRows, bookFiles: kind === "zip" };
  let book;
  if (kind === "csv") {
    // raw: every value stays the text typed (no guessed numbers or dates, "0123" keeps its zero).
    const text = decodeText();
    book = XLSX.read(text, { ...options, type: "string", FS: separatorOf(text), raw: true });
  } else book = XLSX.read(buffer, { ...options, type: "buffer" });
  const sheet = book.Sheets[book.SheetNames[0]];
  const data = (sheet && sheet["!data"]) || [];
  // Reading stopped at scanRows when the sheet's range reaches it (CSV) or
  // SheetJS kept the full range aside (xlsx, ods, xls): rows were left unread.
  const range = sheet && sheet["!ref"] ? XLSX.utils.decode_range(sheet["!ref"]) : null;
  let truncated = Boolean(sheet && sheet["!fullref"]) || Boolean(range && range.e.r >= scanRows - 1);
  // An .xlsx range comes from its <dimension>, which a writer may leave stale
  // or out: SheetJS then skips rows past scanRows without a trace. So the
  // sheet's own row tags are counted.
  if (!truncated && book.bookType === "xlsx") truncated = lastXlsxRow(book) > scanRows;
  if (book.files) { delete book.files; delete book.keys; }

  // One pass: every cell's length is checked (the first too long cell wins
  // over every other complaint), the first non-blank row is the header, and of
  // the rows under it only the known columns' texts are kept.
  let headerRow = -1, headerProblem = null, width = 0, dataRows = 0, total = 0, formulaRow = -1, tooMuchText = false;
  const positions = new Map(), ignoredHeaders = [], rows = [];
  let columns = [], emailAt = -1;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    let rowWidth = 0;
    for (let c = 0; c < row.length; c++) {
      const raw = textOf(row[c]);
      if (raw.length > maxCellChars) return { ok: false, problem: "cell-too-long", row: r, column: c };
      if (raw.trim() !== "") rowWidth = c + 1;
    }
    if (rowWidth === 0) continue;
    if (rowWidth > width) width = rowWidth;
    if (headerRow < 0) {
      headerRow = r;
      for (let c = 0; c < rowWidth && !headerProblem; c++) {
        const text = textOf(row[c]).trim();
        if (isReserved(text)) { headerProblem = { ok: false, problem: "reserved-header", row: r, column: c }; break; }
        const column = aliases.get(normalize(text));
        if (!column) { if (text !== "") ignoredHeaders.push(text); continue; }
        if (positions.has(column)) headerProblem = { ok: false, problem: "duplicate-column", name: column, first: positions.get(column), second: c };
        else positions.set(column, c);
      }
      columns = rules.columns.filter((column) => positions.has(column));
      emailAt = positions.has("email") ? positions.get("email") : -1;
      continue;
    }
    dataRows++;
    if (headerProblem || emailAt < 0 || dataRows > maxRows || tooMuchText) continue;
    const values = columns.map((column) => textOf(row[positions.get(column)]).trim());
    // A formula's cached value is whatever the sheet last computed; an address must be typed.
    if (formulaRow < 0 && ((row[emailAt] && row[emailAt].f) || values[columns.indexOf("email")].startsWith("="))) formulaRow = r;
    for (const value of values) total += value.length;
    if (total > maxTotalChars) { tooMuchText = true; rows.length = 0; continue; }
    rows.push([r, values]);
  }
  if (truncated) return { ok: false, problem: "too-many-rows" };
  if (headerRow < 0) return { ok: false, problem: "empty" };
  if (width > maxColumns) return { ok: false, problem: "too-many-columns" };
  if (dataRows > maxRows) return { ok: false, problem: "too-many-rows" };
  if (headerProblem) return headerProblem;
  if (emailAt < 0) return { ok: false, problem: "no-email" };
  if (dataRows === 0) return { ok: false, problem: "no-rows" };
  if (formulaRow >= 0) return { ok: false, problem: "formula-email", row: formulaRow };
  if (tooMuchText) return { ok: false, problem: "too-much-text" };
  return { ok: true, headerRow, columns, ignoredHeaders, rows };
}

try { parentPort.postMessage(parse()); }
catch (error) {
  const message = String((error && error.message) || error);
  parentPort.postMessage({ ok: false, problem: /password|encrypt/i.test(message) ? "encrypted" : "unreadable" });
}
`;

// Resolved from the project root at run time rather than from this module: a
// bundler rewrites a literal require.resolve("xlsx") into a module id.
function xlsxPath(): string {
  const packageName = ["xl", "sx"].join("");
  return createRequire(path.join(process.cwd(), "package.json")).resolve(packageName);
}

let running = 0;
const waiting: Array<() => void> = [];

async function slot(): Promise<(() => void) | undefined> {
  if (running >= MAX_CONCURRENT_PARSES) {
    if (waiting.length >= MAX_WAITING_PARSES) return undefined;
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** Parses and checks the first sheet in a worker thread with a heap cap and a time limit; "busy" when too many wait. */
export async function parseInWorker(input: ParseInput, limits = PARSE_LIMITS): Promise<ParseResult> {
  const release = await slot();
  if (!release) return { ok: false, problem: "busy" };
  try {
    return await new Promise<ParseResult>((resolve) => {
      // A fresh copy is transferred: a Buffer's slice() shares memory (often
      // Node's pool), and transferring that would detach the caller's bytes.
      const bytes = new Uint8Array(input.bytes);
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { ...input, bytes, xlsxPath: xlsxPath(), rules: HEADER_RULES },
        transferList: [bytes.buffer],
        resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      });
      const finish = (result: ParseResult) => {
        clearTimeout(timer);
        void worker.terminate();
        resolve(result);
      };
      const timer = setTimeout(() => finish({ ok: false, problem: "timeout" }), limits.timeMs);
      worker.once("message", (result: ParseResult) => finish(result));
      worker.once("error", (error: NodeJS.ErrnoException) =>
        finish({ ok: false, problem: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "unreadable" }),
      );
      worker.once("exit", () => finish({ ok: false, problem: "unreadable" }));
    });
  } finally {
    release();
  }
}
