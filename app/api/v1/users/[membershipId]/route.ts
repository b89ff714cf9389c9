import { db } from "@/db/client";
import { findMember } from "@/db/queries/members";
import { ActionError } from "@/lib/action-error";
import { authorizeApi } from "@/lib/api/authenticate";
import { apiError } from "@/lib/api/errors";
import { apiUserOf } from "@/lib/api/users-resource";
import { revokeInvitation } from "@/lib/invitations/manage-invitation";
import { removeMember } from "@/lib/members/remove-member";
import { isUuid } from "@/lib/validation/ids";

type Params = { params: Promise<{ membershipId: string }> };

const NOT_FOUND = () => apiError(404, "not_found", "No such user in this account.");

/** GET /api/v1/users/{id}: one user of the account, as the list shows them. */
export async function GET(request: Request, { params }: Params) {
  const { access, denied } = await authorizeApi(request, "users.view");
  if (denied) return denied;
  const { membershipId } = await params;
  const member = isUuid(membershipId) ? await findMember(access.account, membershipId) : undefined;
  return member ? Response.json(apiUserOf(member), { headers: { "cache-control": "no-store" } }) : NOT_FOUND();
}

/** DELETE /api/v1/users/{id}: removes the membership (a pending invitation is revoked), as the options menu does. */
export async function DELETE(request: Request, { params }: Params) {
  const { access, denied } = await authorizeApi(request, "users.delete");
  if (denied) return denied;
  const { membershipId } = await params;
  const member = isUuid(membershipId) ? await findMember(access.account, membershipId) : undefined;
  if (!member || member.viaAccountName !== null) return NOT_FOUND();
  try {
    await db().transaction((tx) => (member.status === "invited" ? revokeInvitation(tx, access, membershipId) : removeMember(tx, access, membershipId)));
  } catch (error) {
    if (error instanceof ActionError) return apiError(409, "conflict", error.message);
    throw error;
  }
  return new Response(null, { status: 204 });
}
