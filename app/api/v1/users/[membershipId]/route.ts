import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships } from "@/db/schema";
import { findMember } from "@/db/queries/members";
import { ActionError } from "@/lib/action-error";
import { authorizeApi } from "@/lib/api/authenticate";
import { apiError } from "@/lib/api/errors";
import { apiUserOf } from "@/lib/api/users-resource";
import { revokeInvitation } from "@/lib/invitations/manage-invitation";
import { removeMember } from "@/lib/members/remove-member";
import { readJson } from "@/lib/api/body";
import { deliverSoon } from "@/lib/email/send";
import { parseOverrides } from "@/lib/authz/effective";
import { announceAccessChange } from "@/lib/members/announce-access-change";
import { changeMemberAccess } from "@/lib/members/change-member-access";
import { changeMemberStatus } from "@/lib/members/change-member-status";
import { apiUserChangeSchema } from "@/lib/api/users-resource";
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

/**
 * PATCH /api/v1/users/{id}: a new role, licenses and toggles (as the edit dialog's permissions
 * tab; left out, each stays as it is), and/or `status` active or deactivated. `version`, when
 * sent, refuses the change if someone changed the user since it was read (409).
 */
export async function PATCH(request: Request, { params }: Params) {
  const { access, denied } = await authorizeApi(request, "users.edit");
  if (denied) return denied;
  const { membershipId } = await params;
  const member = isUuid(membershipId) ? await findMember(access.account, membershipId) : undefined;
  if (!member || member.viaAccountName !== null) return NOT_FOUND();
  const { body, invalid } = await readJson(request, apiUserChangeSchema);
  if (invalid) return invalid;
  let emailId: string | undefined;
  try {
    emailId = await db().transaction(async (tx) => {
      let announced: string | undefined;
      if (body.role || body.licenses || body.overrides) {
        const [current] = await tx.select({ overrides: memberships.overrides }).from(memberships).where(eq(memberships.id, membershipId));
        const { before, after } = await changeMemberAccess(tx, access, {
          membershipId,
          expectedVersion: body.version ?? member.version,
          role: body.role ?? member.role,
          licenses: body.licenses ?? member.licenses,
          overrides: body.overrides ?? parseOverrides(current?.overrides),
        });
        announced = await announceAccessChange(tx, access, before, after);
      }
      if (body.status) await changeMemberStatus(tx, access, membershipId, body.status);
      return announced;
    });
  } catch (error) {
    if (error instanceof ActionError) return apiError(409, "conflict", error.message, error.fieldErrors);
    throw error;
  }
  await deliverSoon(emailId ? [emailId] : []);
  return Response.json(apiUserOf((await findMember(access.account, membershipId))!), { headers: { "cache-control": "no-store" } });
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
