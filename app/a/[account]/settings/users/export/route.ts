import type { NextRequest } from "next/server";
import { db } from "@/db/client";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { authorizeRoute } from "@/lib/authz/route-access";
import { membersForExport } from "@/lib/members/export-members";
import { exportFileName, exportWorkbook } from "@/lib/spreadsheet/users-workbook";
import { parseMembersQuery } from "@/lib/validation/members-query";
import { xlsxResponse } from "@/lib/spreadsheet/xlsx-response";

/** The users as the table currently filters and sorts them, as a workbook (Super Users: bulk management). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ account: string }> }) {
  const { access, denied } = await authorizeRoute((await params).account, "users.bulk_manage");
  if (denied) return denied;
  // The table's own parameters; a bad one is left out, as the page does. A page cursor does not apply.
  const { query } = parseMembersQuery(Object.fromEntries(request.nextUrl.searchParams));
  const { after: _ignored, ...view } = query;
  const { account } = access;
  let rows = 0;
  async function* counted() {
    for await (const page of membersForExport(account, view)) {
      rows += page.length;
      yield page;
    }
  }
  const workbook = await exportWorkbook(counted());
  await recordAudit(db(), { action: "users.exported", accountId: access.account.id, actor: auditActor(access), details: { view, rows } });
  return xlsxResponse(workbook, exportFileName(new Date()));
}
