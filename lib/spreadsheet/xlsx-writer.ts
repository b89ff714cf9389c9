import { zipArchive, type ZipPart } from "./zip-writer";

// Workbooks written straight as SpreadsheetML, a row at a time: an export of
// 100,000 users is read page by page from the database and deflated as it goes,
// never held as a SheetJS object model (which needs several hundred MB for it).
//
// Every value becomes a typed cell — inline text, a number or a date — never a
// formula: a name like "=HYPERLINK(…)" stays text in Excel, LibreOffice and Sheets.

export type CellValue = string | number | Date | null;

export type SheetSpec = {
  name: string;
  /** The first row is the header: bold, and frozen above the rest. */
  rows: Iterable<CellValue[]> | AsyncIterable<CellValue[]>;
  /** In characters, per column from A. */
  columnWidths?: number[];
};

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const STYLE = { date: 1, header: 2 } as const;

const escapeAttribute = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Characters XML 1.0 cannot carry are written as Excel writes them, _xHHHH_;
// a literal "_x0041_" in the text has its underscore escaped so it reads back as written.
// A carriage return too: XML reading turns it into a line feed, so it is written as _x000D_ to come back as typed.
const UNWRITABLE = /[\x00-\x08\x0b-\x1f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;
const MARKUP = /[&<>]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
function escapeText(text: string): string {
  return text
    .replace(UNWRITABLE, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(MARKUP, (c) => ENTITIES[c]!);
}

/** A, B, … Z, AA, …: the column's name from its index (0 is A). */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const MS_PER_DAY = 86_400_000;
/** Days since 1899-12-30, Excel's (and LibreOffice's) serial date, in UTC. */
const dateSerial = (date: Date) => date.getTime() / MS_PER_DAY + 25_569;

function cellXml(value: CellValue, ref: string, header: boolean): string {
  if (value === null || value === "") return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : `<c r="${ref}" s="${STYLE.date}"><v>${dateSerial(value)}</v></c>`;
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : "";
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}" t="inlineStr"${header ? ` s="${STYLE.header}"` : ""}><is><t${space}>${escapeText(value)}</t></is></c>`;
}

const PIECE_SIZE = 64 * 1024;
// Excel's (and LibreOffice's) limit for one sheet.
export const MAX_ROWS = 1_048_576;

export class SheetTooLongError extends Error {
  override name = "SheetTooLongError";
  constructor() {
    super(`A sheet holds at most ${MAX_ROWS.toLocaleString("en-US")} rows.`);
  }
}

/** The worksheet's XML, in pieces of about 64 KB. */
async function* sheetXml({ rows, columnWidths = [] }: SheetSpec): AsyncGenerator<string> {
  const columns = columnWidths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join("");
  let piece =
    `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/>${columns ? `<cols>${columns}</cols>` : ""}<sheetData>`;
  const names: string[] = [];
  let r = 0;
  for await (const row of rows) {
    r += 1;
    if (r > MAX_ROWS) throw new SheetTooLongError();
    let cells = "";
    for (let c = 0; c < row.length; c++) cells += cellXml(row[c]!, `${(names[c] ??= columnLetter(c))}${r}`, r === 1);
    piece += `<row r="${r}">${cells}</row>`;
    if (piece.length >= PIECE_SIZE) {
      yield piece;
      piece = "";
    }
  }
  yield `${piece}</sheetData></worksheet>`;
}

function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("");
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    `${sheets}</Types>`
  );
}

const ROOT_RELS =
  `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function workbookXml(names: string[]): string {
  const sheets = names.map((name, i) => `<sheet name="${escapeAttribute(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  return `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  const styles = `<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`;
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">${sheets.join("")}${styles}</Relationships>`;
}

// Cell styles by index: 0 plain, 1 a date and time, 2 the bold header.
const STYLES =
  `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** An .xlsx of these sheets; rows are read (and may be awaited) one sheet after another. */
export function writeWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const parts: ZipPart[] = [
    { name: "[Content_Types].xml", pieces: [contentTypes(sheets.length)] },
    { name: "_rels/.rels", pieces: [ROOT_RELS] },
    { name: "xl/workbook.xml", pieces: [workbookXml(sheets.map((sheet) => sheet.name))] },
    { name: "xl/_rels/workbook.xml.rels", pieces: [workbookRels(sheets.length)] },
    { name: "xl/styles.xml", pieces: [STYLES] },
    ...sheets.map((sheet, i): ZipPart => ({ name: `xl/worksheets/sheet${i + 1}.xml`, pieces: sheetXml(sheet) })),
  ];
  return zipArchive(parts);
}
