import { describe, expect, it } from "vitest";
import { parseInWorker } from "@/lib/spreadsheet/parse-worker";

// A file that is slow or heavy to parse must end as a message, not take the server down.
const bigCsv = Buffer.from(["Email,Name", ...Array.from({ length: 100_000 }, (_, i) => `u${i}@example.com,Person ${i}`)].join("\n"));
const input = { bytes: bigCsv, kind: "csv" as const, scanRows: 200_000, maxCellChars: 1_000 };

describe("parseInWorker", () => {
  it("stops a parse that runs past the time limit", async () => {
    expect(await parseInWorker(input, { timeMs: 20, heapMb: 256 })).toEqual({ ok: false, problem: "timeout" });
  });

  it("stops a parse that runs past the memory cap", async () => {
    expect(await parseInWorker(input, { timeMs: 15_000, heapMb: 4 })).toEqual({ ok: false, problem: "memory" });
  });

  it("leaves the caller's bytes intact and reads every row within the default limits", async () => {
    const result = await parseInWorker(input);
    expect(result.ok && result.rows.length).toBe(100_001);
    expect(bigCsv.length).toBeGreaterThan(0);
  });
});
