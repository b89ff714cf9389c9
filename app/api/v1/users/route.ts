import { db } from "@/db/client";
import { findMember, listMembers } from "@/db/queries/members";
import { ActionError } from "@/lib/action-error";
import { authorizeApi } from "@/lib/api/authenticate";
import { readJson } from "@/lib/api/body";
import { apiError } from "@/lib/api/errors";
import { deliverSoon } from "@/lib/email/send";
import { inviteMember } from "@/lib/invitations/invite-member";
import { inviteSchema } from "@/lib/validation/invite";
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

/** POST /api/v1/users: invites a person, as the invite dialog does (the same schema and checks); 201 with the new user. */
export async function POST(request: Request) {
  const { access, denied } = await authorizeApi(request, "users.invite");
  if (denied) return denied;
  const { body, invalid } = await readJson(request, inviteSchema);
  if (invalid) return invalid;
  let invited;
  try {
    invited = await db().transaction((tx) => inviteMember(tx, access, body));
  } catch (error) {
    if (error instanceof ActionError) return apiError(409, "conflict", error.message, error.fieldErrors);
    throw error;
  }
  await deliverSoon(invited.emailId ? [invited.emailId] : []);
  const member = await findMember(access.account, invited.membershipId);
  return Response.json(apiUserOf(member!), { status: 201, headers: { "cache-control": "no-store", location: `/api/v1/users/${invited.membershipId}` } });
}
