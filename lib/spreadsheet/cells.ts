import type { CellObject, WorkSheet } from "xlsx";
import { utils } from "xlsx";

export type CellValue = string | number | Date | null;

// Every value becomes a typed cell built here — text, number or date — never a
// formula: a name like "=HYPERLINK(…)" stays text in Excel, LibreOffice and Sheets.
function cellOf(value: CellValue): CellObject {
  if (value === null) return { t: "z" };
  if (value instanceof Date) return { t: "d", v: value, z: "yyyy-mm-dd hh:mm" };
  if (typeof value === "number") return { t: "n", v: value };
  return { t: "s", v: value };
}

/** A sheet of typed cells, the first row its header. */
export function sheetOf(rows: CellValue[][], columnWidths: number[] = []): WorkSheet {
  const sheet: WorkSheet = {};
  rows.forEach((row, r) => row.forEach((value, c) => (sheet[utils.encode_cell({ r, c })] = cellOf(value))));
  const width = Math.max(1, ...rows.map((row) => row.length));
  sheet["!ref"] = utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, rows.length - 1), c: width - 1 } });
  sheet["!cols"] = columnWidths.map((wch) => ({ wch }));
  return sheet;
}
