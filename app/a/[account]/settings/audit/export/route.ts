import type { NextRequest } from "next/server";
import { db } from "@/db/client";
import { listAccountNames } from "@/db/queries/accounts";
import { auditEventPages, auditScope } from "@/db/queries/audit-events";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { authorizeRoute } from "@/lib/authz/route-access";
import { auditWorkbook, auditExportFileName } from "@/lib/spreadsheet/audit-workbook";
import { xlsxResponse } from "@/lib/spreadsheet/xlsx-response";
import { SheetTooLongError } from "@/lib/spreadsheet/xlsx-writer";
import { parseAuditQuery } from "@/lib/validation/audit-query";

/** The audit log as the page filters it, every page of it, as a workbook (Super Users). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ account: string }> }) {
  const { access, denied } = await authorizeRoute((await params).account, "account.view_audit_log");
  if (denied) return denied;
  // The page's own filters; a bad one is left out, as the page does. Its cursor does not apply.
  const { query } = parseAuditQuery(Object.fromEntries(request.nextUrl.searchParams));
  const { before: _ignored, ...view } = query;
  const scope = await auditScope(access.account);
  let workbook: Buffer;
  try {
    workbook = await auditWorkbook(auditEventPages(scope, view), await listAccountNames(scope));
  } catch (error) {
    if (!(error instanceof SheetTooLongError)) throw error;
    return Response.json({ error: "More events match than a spreadsheet holds. Narrow the dates or filters and export again." }, { status: 422 });
  }
  // Exporting the log is itself an export of people's data: it goes in the log.
  await recordAudit(db(), { action: "audit.exported", accountId: access.account.id, actor: auditActor(access), details: { auditLog: view } });
  return xlsxResponse(workbook, auditExportFileName(new Date()));
}
