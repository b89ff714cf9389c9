import { db } from "@/db/client";
import { findMember } from "@/db/queries/members";
import { ActionError } from "@/lib/action-error";
import { authorizeApi } from "@/lib/api/authenticate";
import { apiError } from "@/lib/api/errors";
import { deliverSoon } from "@/lib/email/send";
import { renewInvitation } from "@/lib/invitations/manage-invitation";
import { isUuid } from "@/lib/validation/ids";

type Params = { params: Promise<{ membershipId: string }> };

/** POST /api/v1/users/{id}/invitation: sends a pending invitation again, with a fresh link (the old one stops working). */
export async function POST(request: Request, { params }: Params) {
  const { access, denied } = await authorizeApi(request, "users.invite");
  if (denied) return denied;
  const { membershipId } = await params;
  const member = isUuid(membershipId) ? await findMember(access.account, membershipId) : undefined;
  if (!member || member.viaAccountName !== null) return apiError(404, "not_found", "No such user in this account.");
  if (member.status !== "invited") return apiError(409, "conflict", "This user has already joined: there is no invitation to send.");
  let issued;
  try {
    issued = await db().transaction((tx) => renewInvitation(tx, access, membershipId, "email"));
  } catch (error) {
    if (error instanceof ActionError) return apiError(409, "conflict", error.message);
    throw error;
  }
  await deliverSoon(issued.emailId ? [issued.emailId] : []);
  return Response.json({ invitationExpiresAt: issued.expiresAt.toISOString() }, { headers: { "cache-control": "no-store" } });
}
