import { describe, expect, it } from "vitest";
import { utils, write } from "xlsx";
import { parseInWorker, type ParseInput } from "@/lib/spreadsheet/parse-worker";

// A file that is slow or heavy to parse must end as a message, not take the server down.
const bigCsv = Buffer.from(["Email,Name", ...Array.from({ length: 100_000 }, (_, i) => `u${i}@example.com,Person ${i}`)].join("\n"));
const checks = { scanRows: 200_000, maxRows: 100_000, maxColumns: 50, maxCellChars: 1_000, maxTotalChars: 20_000_000 };
const input: ParseInput = { bytes: bigCsv, kind: "csv", ...checks };

describe("parseInWorker", () => {
  it("stops a parse that runs past the time limit", async () => {
    expect(await parseInWorker(input, { timeMs: 20, heapMb: 256 })).toEqual({ ok: false, problem: "timeout" });
  });

  it("stops a parse that runs past the memory cap", async () => {
    expect(await parseInWorker(input, { timeMs: 15_000, heapMb: 4 })).toEqual({ ok: false, problem: "memory" });
  });

  it("leaves the caller's bytes intact and reads every row within the default limits", async () => {
    const result = await parseInWorker(input);
    expect(result.ok && result.rows.length).toBe(100_000);
    expect(bigCsv.length).toBeGreaterThan(0);
  });

  // Many cells sharing one long string are small in the file and huge once
  // copied out of the worker: only the known columns may come back.
  it("hands back only the known columns' texts, within a character budget", async () => {
    const long = "x".repeat(1_000);
    const header = ["Email", "Name", ...Array.from({ length: 18 }, (_, i) => `Extra ${i}`)];
    const body = Array.from({ length: 500 }, (_, i) => [`u${i}@example.com`, `P${i}`, ...Array.from({ length: 18 }, () => long)]);
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([header, ...body]), "Users");
    const bytes = write(book, { type: "buffer", bookType: "xlsx", compression: true, bookSST: true }) as Uint8Array;
    const result = await parseInWorker({ bytes, kind: "zip", ...checks });
    if (!result.ok) throw new Error(result.problem);
    expect(result.columns).toEqual(["email", "name"]);
    expect(result.rows).toHaveLength(500);
    expect(result.rows[499]).toEqual([500, ["u499@example.com", "P499"]]);
    expect(JSON.stringify(result).length).toBeLessThan(50_000);
    // The same sheet, with the long text in a known column, over a budget.
    expect(await parseInWorker({ bytes, kind: "zip", ...checks, maxTotalChars: 100_000 })).toMatchObject({ ok: true });
    const named = body.map(([email]) => [email, long]);
    utils.book_append_sheet(book, utils.aoa_to_sheet([["Email", "Name"], ...named]), "Named");
    book.SheetNames.reverse();
    const heavy = write(book, { type: "buffer", bookType: "xlsx", compression: true, bookSST: true }) as Uint8Array;
    expect(await parseInWorker({ bytes: heavy, kind: "zip", ...checks, maxTotalChars: 100_000 })).toEqual({ ok: false, problem: "too-much-text" });
  }, 30_000);

  it("turns a parse away when eight are already waiting", async () => {
    const slow = { timeMs: 300, heapMb: 256 };
    const queued = Array.from({ length: 10 }, () => parseInWorker(input, slow));
    expect(await parseInWorker(input, slow)).toEqual({ ok: false, problem: "busy" });
    expect((await Promise.all(queued)).map((result) => result.ok || result.problem)).toEqual(Array(10).fill("timeout"));
  }, 30_000);
});
