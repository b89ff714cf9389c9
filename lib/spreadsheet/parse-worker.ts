import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

export type ParseInput = { bytes: Uint8Array; kind: "zip" | "cfb" | "csv"; scanRows: number; maxCellChars: number };
/** One non-blank row of the first sheet: its 0-based index, trimmed texts, columns holding a formula. */
export type ParsedRow = [index: number, cells: string[], formulaColumns: number[]];
export type ParseResult =
  | { ok: true; rows: ParsedRow[]; truncated: boolean }
  | { ok: false; problem: "encrypted" | "unreadable" | "timeout" | "memory" }
  | { ok: false; problem: "cell-too-long"; row: number; column: number };

export const PARSE_LIMITS: Readonly<{ timeMs: number; heapMb: number }> = { timeMs: 15_000, heapMb: 256 };
// Each parse may take its heap cap; a few at once is all the server lends.
const MAX_CONCURRENT_PARSES = 2;

// Plain JS run with `eval: true`: nothing to bundle or transpile, so the same
// code runs under Vitest and in the Next.js server. SheetJS is required by the
// absolute path the parent resolved.
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require("node:worker_threads");
const { xlsxPath, bytes, kind, scanRows, maxCellChars } = workerData;
const XLSX = require(xlsxPath);
const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

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

function parse() {
  if (kind === "cfb") {
    const cfb = XLSX.CFB.read(buffer, { type: "buffer" });
    if (XLSX.CFB.find(cfb, "EncryptionInfo") || XLSX.CFB.find(cfb, "EncryptedPackage")) return { ok: false, problem: "encrypted" };
  }
  const options = { dense: true, cellFormula: true, cellHTML: false, cellText: false, cellDates: false, cellNF: false,
    cellStyles: false, bookVBA: false, sheets: 0, sheetRows: scanRows };
  let book;
  if (kind === "csv") {
    // raw: every value stays the text typed (no guessed numbers or dates, "0123" keeps its zero).
    const text = decodeText();
    book = XLSX.read(text, { ...options, type: "string", FS: separatorOf(text), raw: true });
  } else book = XLSX.read(buffer, { ...options, type: "buffer" });
  const sheet = book.Sheets[book.SheetNames[0]];
  const data = (sheet && sheet["!data"]) || [];
  const rows = [];
  // Reading stopped at scanRows when the sheet's range reaches it (CSV) or
  // SheetJS kept the full range aside (xlsx, ods, xls): rows were left unread.
  const range = sheet && sheet["!ref"] ? XLSX.utils.decode_range(sheet["!ref"]) : null;
  const truncated = Boolean(sheet && sheet["!fullref"]) || Boolean(range && range.e.r >= scanRows - 1);
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    const cells = [], formulas = [];
    let width = 0;
    for (let c = 0; c < row.length; c++) {
      const raw = textOf(row[c]);
      if (raw.length > maxCellChars) return { ok: false, problem: "cell-too-long", row: r, column: c };
      const text = raw.trim();
      cells.push(text);
      if (text !== "") width = c + 1;
      if (row[c] && row[c].f) formulas.push(c);
    }
    if (width === 0) continue;
    cells.length = width;
    rows.push([r, cells, formulas]);
  }
  return { ok: true, rows, truncated };
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

async function slot(): Promise<() => void> {
  if (running >= MAX_CONCURRENT_PARSES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** Parses the first sheet in a worker thread with a heap cap and a time limit. */
export async function parseInWorker(input: ParseInput, limits = PARSE_LIMITS): Promise<ParseResult> {
  const release = await slot();
  try {
    return await new Promise<ParseResult>((resolve) => {
      // A fresh copy is transferred: a Buffer's slice() shares memory (often
      // Node's pool), and transferring that would detach the caller's bytes.
      const bytes = new Uint8Array(input.bytes);
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { ...input, bytes, xlsxPath: xlsxPath() },
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
