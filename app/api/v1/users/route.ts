import { listMembers } from "@/db/queries/members";
import { authorizeApi } from "@/lib/api/authenticate";
import { apiError } from "@/lib/api/errors";
import { apiUserOf } from "@/lib/api/users-resource";
import { encodeMemberCursor, parseMembersQuery } from "@/lib/validation/members-query";

const PAGE_SIZE = 100;

/** GET /api/v1/users: the account's users as the users table lists them (q, role, license, status, sort, after). */
export async function GET(request: Request) {
  const { access, denied } = await authorizeApi(request, "users.view");
  if (denied) return denied;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { query, ignored } = parseMembersQuery(params);
  // Unlike the page, an integration is told at once when a parameter is wrong.
  if (ignored.length > 0) return apiError(400, "invalid_request", `Invalid query parameters: ${ignored.join(", ")}.`);
  const page = await listMembers(access.account, query, PAGE_SIZE);
  return Response.json({ data: page.rows.map(apiUserOf), next: page.next ? encodeMemberCursor(page.next) : null }, { headers: { "cache-control": "no-store" } });
}
