import { authorizeRoute } from "@/lib/authz/route-access";
import { TEMPLATE_FILE_NAME, templateWorkbook } from "@/lib/spreadsheet/users-workbook";
import { xlsxResponse } from "@/lib/spreadsheet/xlsx-response";

/** The bulk upload template (Super Users: bulk management). */
export async function GET(_request: Request, { params }: { params: Promise<{ account: string }> }) {
  const { denied } = await authorizeRoute((await params).account, "users.bulk_manage");
  if (denied) return denied;
  return xlsxResponse(await templateWorkbook(), TEMPLATE_FILE_NAME);
}
