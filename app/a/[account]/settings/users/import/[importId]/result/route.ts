import type { NextRequest } from "next/server";
import { db } from "@/db/client";
import { importRowPages } from "@/db/queries/bulk-imports";
import { authorizeRoute } from "@/lib/authz/route-access";
import { importOrNotFound } from "@/lib/bulk/import-route";
import { importResultFileName, importResultWorkbook } from "@/lib/spreadsheet/users-workbook";
import { xlsxResponse } from "@/lib/spreadsheet/xlsx-response";

/** The result workbook: the uploaded rows with what applying did to each (so far, while it runs). */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ account: string; importId: string }> }) {
  const { account, importId } = await params;
  const { access, denied } = await authorizeRoute(account, "users.bulk_manage");
  if (denied) return denied;
  const found = await importOrNotFound(access, importId);
  if (found.notFound) return found.notFound;
  const { record } = found;
  return xlsxResponse(await importResultWorkbook(importRowPages(db(), record.id), { deleteColumn: record.hasDeleteColumn }), importResultFileName(record.createdAt));
}
