import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { utils, write } from "xlsx";
import { readUserUpload } from "@/lib/spreadsheet/read-upload";
import { inspectZip } from "@/lib/spreadsheet/zip-guard";

// SheetJS inflates each zip entry into a buffer of the size its LOCAL header
// declares (or, with no size there, as far as the stream goes), outside the
// worker's heap cap; the guard must read the zip the way SheetJS does.
const limits = { maxEntries: 1_000, maxUncompressedBytes: 100 * 1024 * 1024 };

function workbook(): Buffer {
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet([["Email", "Name"], ["a@example.com", "Ana"]]), "Users");
  return Buffer.from(write(book, { type: "buffer", bookType: "xlsx", compression: true }) as Uint8Array);
}

/** Offsets of an entry's central and local headers in a zip without a comment. */
function headersOf(zip: Buffer, name: string): { central: number; local: number } {
  const end = zip.length - 22;
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString("latin1", at + 46, at + 46 + nameLength) === name) return { central: at, local: zip.readUInt32LE(at + 42) };
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`no ${name}`);
}

const SHEET = "xl/worksheets/sheet1.xml";
const INCONSISTENT = /do not match its own table of contents/;

describe("zip guard: local headers", () => {
  it("still reads an honest workbook", async () => {
    expect(inspectZip(workbook(), limits).ok).toBe(true);
    expect((await readUserUpload({ name: "u.xlsx", bytes: workbook() })).ok).toBe(true);
  });

  it("refuses a local header that declares a larger size than the directory", async () => {
    const lying = workbook();
    lying.writeUInt32LE(0xffffffff, headersOf(lying, SHEET).local + 22);
    expect(inspectZip(lying, limits)).toEqual({ ok: false, problem: "inconsistent" });
    // 64 MB, not 4 GB: without the guard SheetJS would really allocate it.
    const moderate = workbook();
    moderate.writeUInt32LE(64 * 1024 * 1024, headersOf(moderate, SHEET).local + 22);
    const result = await readUserUpload({ name: "u.xlsx", bytes: moderate });
    expect(result.ok ? "read" : result.error).toMatch(INCONSISTENT);
  });

  it("refuses a local header with another method or without its signature", () => {
    const method = workbook();
    method.writeUInt16LE(0, headersOf(method, SHEET).local + 8);
    expect(inspectZip(method, limits)).toEqual({ ok: false, problem: "malformed" });
    const renamed = workbook();
    renamed.write("X", headersOf(renamed, SHEET).local + 30, "latin1");
    expect(inspectZip(renamed, limits)).toEqual({ ok: false, problem: "inconsistent" });
    const signature = workbook();
    signature.writeUInt32LE(0, headersOf(signature, SHEET).local);
    expect(inspectZip(signature, limits)).toEqual({ ok: false, problem: "malformed" });
  });

  it("refuses a data-descriptor entry whose stream inflates past its declared size", async () => {
    // SheetJS inflates an entry without local sizes as far as the stream goes.
    const zip = workbook();
    const { central, local } = headersOf(zip, SHEET);
    for (const flagsAt of [central + 8, local + 6]) zip.writeUInt16LE(zip.readUInt16LE(flagsAt) | 0x8, flagsAt);
    zip.writeUInt32LE(0, local + 18);
    zip.writeUInt32LE(0, local + 22);
    zip.writeUInt32LE(10, central + 24);
    expect(inspectZip(zip, limits)).toEqual({ ok: false, problem: "inconsistent" });
    const result = await readUserUpload({ name: "u.xlsx", bytes: zip });
    expect(result.ok ? "read" : result.error).toMatch(INCONSISTENT);
  });

  it("accepts a data-descriptor entry that inflates to its declared size (as LibreOffice writes)", () => {
    const zip = workbook();
    const { central, local } = headersOf(zip, SHEET);
    for (const flagsAt of [central + 8, local + 6]) zip.writeUInt16LE(zip.readUInt16LE(flagsAt) | 0x8, flagsAt);
    zip.writeUInt32LE(0, local + 18);
    zip.writeUInt32LE(0, local + 22);
    expect(inspectZip(zip, limits).ok).toBe(true);
  });

  it("reads the entry count SheetJS reads (this disk's, at +8)", () => {
    const zip = workbook();
    const end = zip.length - 22;
    // SheetJS walks 1,001 entries; the total at +10 says fewer.
    zip.writeUInt16LE(1_001, end + 8);
    expect(inspectZip(zip, limits)).toEqual({ ok: false, problem: "too-many-entries" });
  });

  it("finds the last end-of-directory signature, as SheetJS does, even inside a comment", () => {
    const zip = workbook();
    // A second, fake end record in the comment points at a directory of one stored bomb entry.
    const name = Buffer.from(SHEET);
    const data = deflateRawSync(Buffer.alloc(1024));
    const localHeader = Buffer.alloc(30);
    localHeader.writeUInt32LE(0x04034b50, 0);
    localHeader.writeUInt16LE(8, 8);
    localHeader.writeUInt32LE(data.length, 18);
    localHeader.writeUInt32LE(200 * 1024 * 1024, 22);
    localHeader.writeUInt16LE(name.length, 26);
    const centralHeader = Buffer.alloc(46);
    centralHeader.writeUInt32LE(0x02014b50, 0);
    centralHeader.writeUInt16LE(8, 10);
    centralHeader.writeUInt32LE(data.length, 20);
    centralHeader.writeUInt32LE(200 * 1024 * 1024, 24);
    centralHeader.writeUInt16LE(name.length, 28);
    const fakeLocal = zip.length - 22 + 22; // the comment starts after the real end record
    const comment = Buffer.concat([localHeader, name, data]);
    centralHeader.writeUInt32LE(fakeLocal, 42);
    const fakeDirectory = fakeLocal + comment.length;
    const fakeEnd = Buffer.alloc(22);
    fakeEnd.writeUInt32LE(0x06054b50, 0);
    fakeEnd.writeUInt16LE(1, 8);
    fakeEnd.writeUInt16LE(1, 10);
    fakeEnd.writeUInt32LE(fakeDirectory, 16);
    const tail = Buffer.concat([comment, centralHeader, name, fakeEnd]);
    zip.writeUInt16LE(tail.length, zip.length - 2);
    expect(inspectZip(Buffer.concat([zip, tail]), limits)).toEqual({ ok: false, problem: "too-large" });
  });

  it("refuses a file whose last end-of-directory signature is cut short, which SheetJS would read", () => {
    const zip = workbook();
    const comment = Buffer.from("PK\x05\x06xx", "latin1");
    zip.writeUInt16LE(comment.length, zip.length - 2);
    expect(inspectZip(Buffer.concat([zip, comment]), limits)).toEqual({ ok: false, problem: "malformed" });
  });
});
