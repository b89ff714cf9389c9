import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { utils, write } from "xlsx";
import { readUserUpload, UPLOAD_LIMITS, type ReadUploadResult } from "@/lib/spreadsheet/read-upload";
import { craftZip, encryptedWorkbook, PEOPLE } from "../fixtures/spreadsheets/make-fixtures";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/spreadsheets");
const fixture = (name: string) => readUserUpload({ name, bytes: readFileSync(path.join(FIXTURES, name)) });

function xlsxOf(rows: unknown[][]): Uint8Array {
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet(rows), "Users");
  return write(book, { type: "buffer", bookType: "xlsx", compression: true });
}

function errorOf(result: ReadUploadResult): string {
  if (result.ok) throw new Error("expected the file to be refused");
  return result.error;
}

describe("readUserUpload: files written by spreadsheet programs", () => {
  const expected = PEOPLE.map(([email, role, name, license]) => ({ email, role, name, license }));

  it.each([
    ["users.xlsx", [3, 5, 6], ["Department"]],
    ["users.xls", [2, 3, 4], ["Notes"]],
    ["users.ods", [3, 4, 5], []],
    ["users-utf8.csv", [2, 3, 4], ["Team"]],
    ["users-utf8-bom-crlf.csv", [3, 4, 5], ["Team"]],
    ["users-semicolon.csv", [2, 3, 4], ["Team"]],
    // Written by LibreOffice Calc 7.4 (see make-fixtures.ts), not by SheetJS.
    ["users-libreoffice.xlsx", [3, 4, 5], []],
    ["users-libreoffice.xls", [3, 5, 6], ["Department"]],
  ])("reads %s", async (name, rowNumbers, ignoredHeaders) => {
    const result = await fixture(name);
    if (!result.ok) throw new Error(result.error);
    expect(result.rows.map(({ email, role, name, license }) => ({ email, role, name, license }))).toEqual(expected);
    expect(result.rows.map((row) => row.rowNumber)).toEqual(rowNumbers);
    expect(result.rows.every((row) => row.delete === "")).toBe(true);
    expect(result.ignoredHeaders).toEqual(ignoredHeaders);
    expect(result.columns).toEqual(expect.arrayContaining(["email", "role", "name", "license"]));
  });

  it("builds rows without a prototype and reads numbers as their text", async () => {
    const result = await readUserUpload({ name: "u.xlsx", bytes: xlsxOf([["Email", "Name", "Delete"], [" a@example.com ", 100000, "Delete User"]]) });
    if (!result.ok) throw new Error(result.error);
    expect(Object.getPrototypeOf(result.rows[0])).toBeNull();
    expect({ ...result.rows[0] }).toEqual({ rowNumber: 2, email: "a@example.com", role: "", name: "100000", license: "", delete: "Delete User" });
    expect(result.columns).toEqual(["email", "name", "delete"]);
  });

  it("keeps CSV values as typed", async () => {
    const result = await readUserUpload({ name: "u.csv", bytes: Buffer.from("email,name\r\nx@example.com,0123\r\n") });
    expect(result.ok && result.rows[0]?.name).toBe("0123");
  });

  it("reads a CSV that older Excel saved as Windows-1252", async () => {
    const result = await readUserUpload({ name: "u.csv", bytes: Buffer.from("Email;Name\r\nzoe@example.com;Zo\xeb \xc5gren\r\n", "latin1") });
    expect(result.ok && result.rows[0]?.name).toBe("Zoë Ågren");
  });
});

describe("readUserUpload: bad files are refused with a message", () => {
  it.each([
    ["picture.xlsx", /not a spreadsheet/],
    ["encrypted.xlsx", /protected with a password/],
    ["encrypted-libreoffice.xls", /protected with a password/],
    ["encrypted-libreoffice.ods", /protected with a password/],
    ["zip-bomb.xlsx", /more than 100 MB/],
    ["header-only.xlsx", /^The file has no rows under its header/],
    ["missing-email.xlsx", /^The file has no Email column/],
    ["formula-email.xlsx", /^The Email cell in row 3 holds a formula/],
    ["proto-header.csv", /header in row 1, column B is a reserved word/],
  ])("%s", async (name, message) => {
    expect(errorOf(await fixture(name))).toMatch(message);
  });

  it("refuses text, unknown extensions and a spreadsheet named .csv", async () => {
    expect(errorOf(await readUserUpload({ name: "notes.xlsx", bytes: Buffer.from("Email\na@example.com\n") }))).toMatch(/not a spreadsheet/);
    expect(errorOf(await readUserUpload({ name: "users.txt", bytes: Buffer.from("Email\na@example.com\n") }))).toMatch(/not a spreadsheet/);
    expect(errorOf(await readUserUpload({ name: "users.csv", bytes: xlsxOf([["Email"], ["a@example.com"]]) }))).toMatch(/not a spreadsheet/);
    expect(errorOf(await readUserUpload({ name: "users.xlsx", bytes: encryptedWorkbook() }))).toMatch(/password/);
  });

  it("refuses zips with too many entries or encrypted entries before inflating", async () => {
    const many = Array.from({ length: UPLOAD_LIMITS.maxZipEntries + 1 }, (_, i) => ({ name: `xl/p${i}.xml`, declaredSize: 10 }));
    expect(errorOf(await readUserUpload({ name: "u.xlsx", bytes: craftZip(many) }))).toMatch(/more than 1,000 parts/);
    const locked = craftZip([{ name: "xl/workbook.xml", declaredSize: 10, flags: 1 }]);
    expect(errorOf(await readUserUpload({ name: "u.ods", bytes: locked }))).toMatch(/password/);
  });

  it("refuses a file over 10 MB before reading it", async () => {
    const bytes = new Uint8Array(UPLOAD_LIMITS.maxBytes + 1).fill(0x41);
    expect(errorOf(await readUserUpload({ name: "u.csv", bytes }))).toMatch(/larger than 10 MB/);
  });

  it("refuses 51 columns and a duplicated Email column", async () => {
    const wide = [Array.from({ length: 51 }, (_, i) => (i === 0 ? "Email" : `c${i}`)), ["a@example.com"]];
    expect(errorOf(await readUserUpload({ name: "u.xlsx", bytes: xlsxOf(wide) }))).toMatch(/more than 50 columns/);
    const twice = xlsxOf([["Email", "Role", "E-mail"], ["a@example.com", "Member", "b@example.com"]]);
    expect(errorOf(await readUserUpload({ name: "u.xlsx", bytes: twice }))).toMatch(/two Email columns \(A and C\)/);
  });

  it.each(["constructor", "Proto Type", "__proto__"])("refuses the header %j", async (header) => {
    expect(errorOf(await readUserUpload({ name: "u.xlsx", bytes: xlsxOf([["Email", header], ["a@example.com", "x"]]) }))).toMatch(/reserved word/);
  });

  it("refuses a 2 MB cell and says where it is, without echoing it", async () => {
    const huge = "x".repeat(2 * 1024 * 1024);
    const csv = await readUserUpload({ name: "u.csv", bytes: Buffer.from(`Email,Name\na@example.com,ok\nb@example.com,${huge}\n`) });
    expect(errorOf(csv)).toBe("The cell in row 3, column B is longer than 1,000 characters. Shorten it and upload the file again.");
    // Excel stops at 32,767 characters a cell (so does SheetJS's .xlsx writer); ODS has no such limit.
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([["Email", "Name"], [huge, "x"]]), "Users");
    const ods = await readUserUpload({ name: "u.ods", bytes: write(book, { type: "buffer", bookType: "ods" }) });
    expect(errorOf(ods)).toMatch(/^The cell in row 2, column A is longer than 1,000 characters/);
    const xlsx = await readUserUpload({ name: "u.xlsx", bytes: xlsxOf([["Email", "Name"], ["a@example.com", "y".repeat(1_001)]]) });
    expect(errorOf(xlsx)).toMatch(/^The cell in row 2, column B is longer/);
    const atLimit = await readUserUpload({ name: "u.xlsx", bytes: xlsxOf([["Email", "Name"], ["a@example.com", "y".repeat(1_000)]]) });
    expect(atLimit.ok).toBe(true);
  });

  it("reads exactly 100,000 rows and refuses 100,001", async () => {
    const lines = (count: number) => ["Email,Role", ...Array.from({ length: count }, (_, i) => `u${i}@example.com,Member`)].join("\n");
    const full = await readUserUpload({ name: "u.csv", bytes: Buffer.from(lines(UPLOAD_LIMITS.maxRows)) });
    expect(full.ok && full.rows.length).toBe(UPLOAD_LIMITS.maxRows);
    expect(full.ok && full.rows.at(-1)).toMatchObject({ rowNumber: 100_001, email: "u99999@example.com" });
    expect(errorOf(await readUserUpload({ name: "u.csv", bytes: Buffer.from(lines(UPLOAD_LIMITS.maxRows + 1)) }))).toMatch(/more than 100,000 rows/);
    const rows = [["Email"], ...Array.from({ length: UPLOAD_LIMITS.maxRows + 1 }, (_, i) => [`u${i}@example.com`])];
    expect(errorOf(await readUserUpload({ name: "u.xlsx", bytes: xlsxOf(rows) }))).toMatch(/more than 100,000 rows/);
  }, 60_000);

  // Only the first rows are read (a memory bound); a row past them must refuse
  // the file, never be dropped silently.
  it("refuses a sheet whose rows reach far past the limit, even with few of them", async () => {
    const gap = "\r\n".repeat(UPLOAD_LIMITS.maxRows + 2_000);
    const csv = await readUserUpload({ name: "u.csv", bytes: Buffer.from(`Email\r\na@example.com${gap}z@example.com\r\n`) });
    expect(errorOf(csv)).toMatch(/more than 100,000 rows/);
    const sheet = utils.aoa_to_sheet([["Email"], ["a@example.com"]]);
    utils.sheet_add_aoa(sheet, [["z@example.com"]], { origin: "A110000" });
    const book = utils.book_new();
    utils.book_append_sheet(book, sheet, "Users");
    // (An .xls sheet stops at 65,536 rows, so it cannot get there.)
    for (const bookType of ["xlsx", "ods"] as const) {
      const bytes = write(book, { type: "buffer", bookType });
      expect(errorOf(await readUserUpload({ name: `u.${bookType}`, bytes }))).toMatch(/more than 100,000 rows/);
    }
  }, 30_000);

  // SheetJS takes an .xlsx range from its <dimension>; a writer may leave it stale or out.
  it("refuses an .xlsx with a row past the limit when its dimension is stale or missing", async () => {
    const sheet = utils.aoa_to_sheet([["Email"], ["a@example.com"]]);
    utils.sheet_add_aoa(sheet, [["z@example.com"]], { origin: "A110000" });
    const book = utils.book_new();
    utils.book_append_sheet(book, sheet, "Users");
    // Stored, not deflated, so the sheet's XML can be patched in place (SheetJS checks no CRC).
    const honest = Buffer.from(write(book, { type: "buffer", bookType: "xlsx", compression: false }) as Uint8Array);
    const dimension = '<dimension ref="A1:A110000"/>';
    const at = honest.indexOf(dimension);
    expect(at).toBeGreaterThan(0);
    for (const replacement of ['<dimension ref="A1:A2"/>', ""]) {
      const bytes = Buffer.from(honest);
      bytes.write(replacement.padEnd(dimension.length, " "), at, "latin1");
      expect(errorOf(await readUserUpload({ name: "u.xlsx", bytes }))).toMatch(/more than 100,000 rows/);
    }
    // A sheet whose rows stop inside the window still reads.
    const small = Buffer.from(honest);
    small.write('<row r="100000"', small.indexOf('<row r="110000"'), "latin1");
    small.write('r="A100000"', small.indexOf('r="A110000"'), "latin1");
    small.write('<dimension ref="A1:A2"/>'.padEnd(dimension.length, " "), at, "latin1");
    const read = await readUserUpload({ name: "u.xlsx", bytes: small });
    expect(read.ok && read.rows.map((row) => row.rowNumber)).toEqual([2, 100_000]);
  }, 30_000);

  // One shared string referenced by every row is small in the file; copied to the main thread it is not.
  it("refuses more than 20,000,000 characters in the known columns, and ignores long unknown ones", async () => {
    const long = "n".repeat(1_000);
    const sheet = utils.aoa_to_sheet([["Email", "Name", "Notes"], ...Array.from({ length: 20_001 }, (_, i) => [`u${i}@example.com`, long, long])]);
    const book = utils.book_new();
    utils.book_append_sheet(book, sheet, "Users");
    const bytes = write(book, { type: "buffer", bookType: "xlsx", compression: true, bookSST: true }) as Uint8Array;
    expect(errorOf(await readUserUpload({ name: "u.xlsx", bytes }))).toMatch(/^The file holds more than 20,000,000 characters in its Email, Role, Name/);
    const notes = utils.aoa_to_sheet([["Email", "Notes"], ...Array.from({ length: 20_001 }, (_, i) => [`u${i}@example.com`, long])]);
    const ignored = utils.book_new();
    utils.book_append_sheet(ignored, notes, "Users");
    const result = await readUserUpload({ name: "u.xlsx", bytes: write(ignored, { type: "buffer", bookType: "xlsx", compression: true, bookSST: true }) as Uint8Array });
    expect(result.ok && result.rows.length).toBe(20_001);
    expect(result.ok && result.ignoredHeaders).toEqual(["Notes"]);
  }, 30_000);

  it("refuses a formula typed into a CSV's Email column", async () => {
    const result = await readUserUpload({ name: "u.csv", bytes: Buffer.from('Email,Role\na@example.com,Member\n=HYPERLINK("http://x"),Member\n') });
    expect(errorOf(result)).toBe("The Email cell in row 3 holds a formula. Type the email address as text and upload the file again.");
  });
});
