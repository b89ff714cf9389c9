import type { NextRequest } from "next/server";
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
  return xlsxResponse(await exportWorkbook(membersForExport(access.account, view)), exportFileName(new Date()));
}
