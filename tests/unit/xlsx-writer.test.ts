import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { read, utils } from "xlsx";
import { readUserUpload } from "@/lib/spreadsheet/read-upload";
import { columnLetter, MAX_ROWS, SheetTooLongError, writeWorkbook, type CellValue } from "@/lib/spreadsheet/xlsx-writer";
import { inspectZip } from "@/lib/spreadsheet/zip-guard";

const grid = (bytes: Buffer, sheet = 0) => {
  const book = read(bytes, { cellDates: true });
  return utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[sheet]!]!, { header: 1, raw: true, defval: null });
};

/** The text of one part of the archive, found through its central directory. */
function partText(bytes: Buffer, name: string): string {
  const summary = inspectZip(bytes, { maxEntries: 100, maxUncompressedBytes: 100 * 1024 * 1024 });
  if (!summary.ok) throw new Error(summary.problem);
  const entry = summary.entries.find((candidate) => candidate.name === name)!;
  const start = entry.localOffset + 30 + bytes.readUInt16LE(entry.localOffset + 26) + bytes.readUInt16LE(entry.localOffset + 28);
  return inflateRawSync(bytes.subarray(start, start + entry.compressedSize)).toString("utf8");
}

describe("the workbook writer", () => {
  it("writes text, numbers and dates as typed cells that read back as written", async () => {
    const when = new Date("2026-11-20T09:30:00Z");
    const rows: CellValue[][] = [
      ["Text", "Number", "Date"],
      ["a & b <c> \"d\" 'e'", 42.5, when],
      ["  spaced  ", -1, null],
      ["é, ß, 中文, 😀", 0, new Date("1999-12-31T23:59:00Z")],
      ["literal _x0041_ stays", 1e21, null],
    ];
    const book = read(await writeWorkbook([{ name: "Users", rows }]), { cellDates: true, cellNF: true });
    const sheet = book.Sheets.Users!;
    expect(utils.sheet_to_json(sheet, { header: 1, raw: true, defval: null })).toEqual([
      ["Text", "Number", "Date"],
      ["a & b <c> \"d\" 'e'", 42.5, when],
      ["  spaced  ", -1, null],
      ["é, ß, 中文, 😀", 0, new Date("1999-12-31T23:59:00Z")],
      ["literal _x0041_ stays", 1e21, null],
    ]);
    expect(sheet.B2).toMatchObject({ t: "n", v: 42.5 });
    expect(sheet.C2).toMatchObject({ t: "d", z: "yyyy-mm-dd hh:mm" });
  });

  it("never writes a formula: text that looks like one stays text", async () => {
    const bytes = await writeWorkbook([{ name: "Users", rows: [["Name"], ['=HYPERLINK("http://evil.test","click")'], ["+1"], ["@SUM(A1)"]] }]);
    const sheet = read(bytes).Sheets.Users!;
    expect([sheet.A2, sheet.A3, sheet.A4].map((cell) => [cell!.t, cell!.v, cell!.f])).toEqual([
      ["s", '=HYPERLINK("http://evil.test","click")', undefined],
      ["s", "+1", undefined],
      ["s", "@SUM(A1)", undefined],
    ]);
    expect(partText(bytes, "xl/worksheets/sheet1.xml")).not.toContain("<f>");
  });

  it("writes characters XML cannot carry the way Excel does, instead of a broken file", async () => {
    const bytes = await writeWorkbook([{ name: "Users", rows: [["Name"], ["bell\u0007here"], ["line\r\nend"]] }]);
    const xml = partText(bytes, "xl/worksheets/sheet1.xml");
    expect(xml).toContain("bell_x0007_here");
    // A carriage return is written escaped (XML reading would turn a raw one into a line feed).
    expect(xml).toContain("line_x000D_\nend");
    expect(grid(bytes)[1]).toEqual(["bell\u0007here"]);
  });

  it("keeps many rows in order across the pieces it deflates, from an async source", async () => {
    async function* rows(): AsyncGenerator<CellValue[]> {
      yield ["Email", "Index"];
      for (let i = 0; i < 20_000; i++) yield [`person${i}@example.com`, i];
    }
    const readBack = grid(await writeWorkbook([{ name: "Users", rows: rows() }]));
    expect(readBack).toHaveLength(20_001);
    expect(readBack[1]).toEqual(["person0@example.com", 0]);
    expect(readBack[12_345]).toEqual(["person12344@example.com", 12_344]);
    expect(readBack.at(-1)).toEqual(["person19999@example.com", 19_999]);
  });

  it("writes several sheets, named as given, with the header bold and frozen", async () => {
    const bytes = await writeWorkbook([
      { name: "Users", rows: [["Email"]], columnWidths: [32] },
      { name: "Help & roles", rows: [["Role", "Who"], ["Member", "Most people"]] },
    ]);
    expect(read(bytes).SheetNames).toEqual(["Users", "Help & roles"]);
    expect(grid(bytes, 1)).toEqual([["Role", "Who"], ["Member", "Most people"]]);
    const sheetXml = partText(bytes, "xl/worksheets/sheet1.xml");
    expect(sheetXml).toContain('state="frozen"');
    expect(sheetXml).toContain('<col min="1" max="1" width="32" customWidth="1"/>');
    expect(sheetXml).toMatch(/<c r="A1" t="inlineStr" s="2">/);
  });

  it("passes the upload's own zip checks and reads back as an upload", async () => {
    const bytes = await writeWorkbook([{ name: "Users", rows: [["Email", "Role"], ["dana@example.com", "Member"]] }]);
    expect(inspectZip(bytes, { maxEntries: 1_000, maxUncompressedBytes: 100 * 1024 * 1024 }).ok).toBe(true);
    const upload = await readUserUpload({ name: "users.xlsx", bytes: new Uint8Array(bytes) });
    expect(upload).toMatchObject({ ok: true, rows: [{ email: "dana@example.com", role: "Member" }] });
  });

  it("writes the same rows as the same bytes", async () => {
    const rows = [["Email"], ["a@example.com"]];
    expect((await writeWorkbook([{ name: "Users", rows }])).equals(await writeWorkbook([{ name: "Users", rows }]))).toBe(true);
  });

  it("refuses a sheet longer than spreadsheets hold, instead of writing one they cannot open", async () => {
    function* rows(count: number): Generator<CellValue[]> {
      for (let i = 0; i < count; i++) yield [];
    }
    await expect(writeWorkbook([{ name: "Log", rows: rows(MAX_ROWS + 1) }])).rejects.toBeInstanceOf(SheetTooLongError);
  }, 60_000);

  it("names columns as spreadsheets do", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
  });
});
