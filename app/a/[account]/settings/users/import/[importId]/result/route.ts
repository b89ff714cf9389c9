import type { NextRequest } from "next/server";
import { db } from "@/db/client";
import { importRowsPage } from "@/db/queries/bulk-imports";
import type { BulkImportRow } from "@/db/schema";
import { authorizeRoute } from "@/lib/authz/route-access";
import { importOrNotFound } from "@/lib/bulk/import-route";
import { importResultFileName, importResultWorkbook } from "@/lib/spreadsheet/users-workbook";
import { xlsxResponse } from "@/lib/spreadsheet/xlsx-response";

const PAGE_ROWS = 5_000;

/** The result workbook: the uploaded rows with what applying did to each (so far, while it runs). */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ account: string; importId: string }> }) {
  const { account, importId } = await params;
  const { access, denied } = await authorizeRoute(account, "users.bulk_manage");
  if (denied) return denied;
  const found = await importOrNotFound(access, importId);
  if (found.notFound) return found.notFound;
  const { record } = found;
  const rows: BulkImportRow[] = [];
  // Read along the sheet's row numbers, a page at a time, never as one giant query.
  for (let page = await importRowsPage(db(), record.id, 0, PAGE_ROWS); page.length > 0; page = await importRowsPage(db(), record.id, page.at(-1)!.rowNumber, PAGE_ROWS)) {
    rows.push(...page);
  }
  return xlsxResponse(importResultWorkbook(rows), importResultFileName(record.createdAt));
}
