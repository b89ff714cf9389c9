import { z } from "zod";
import type { MemberRow } from "@/db/queries/members";
import { PRODUCTS } from "@/lib/authz/products";
import { ROLES } from "@/lib/authz/roles";

// The users API's resource: what a member looks like in JSON. The same zod
// schema describes it in the OpenAPI document.
export const apiUserSchema = z.object({
  id: z.uuid().describe("The membership id: the user in this account"),
  userId: z.uuid(),
  email: z.email(),
  name: z.string(),
  role: z.enum(ROLES),
  licenses: z.array(z.enum(PRODUCTS)),
  status: z.enum(["active", "invited", "deactivated"]),
  lastSignInAt: z.iso.datetime().nullable(),
  twoFactorEnabled: z.boolean(),
  invitationExpiresAt: z.iso.datetime().nullable(),
  viaNetwork: z.string().nullable().describe("The network account the person belongs to, when they reach this account through it"),
});

export type ApiUser = z.infer<typeof apiUserSchema>;

export function apiUserOf(member: MemberRow): ApiUser {
  return {
    id: member.membershipId,
    userId: member.userId,
    email: member.email,
    name: member.name,
    role: member.role,
    licenses: member.licenses,
    status: member.status,
    lastSignInAt: member.lastSignInAt?.toISOString() ?? null,
    twoFactorEnabled: member.twoFactorEnabled,
    invitationExpiresAt: member.inviteExpiresAt?.toISOString() ?? null,
    viaNetwork: member.viaAccountName,
  };
}

export const apiUserListSchema = z.object({
  data: z.array(apiUserSchema),
  next: z.string().nullable().describe("Pass as `after` for the next page; null on the last"),
});
