import { z } from "zod";
import { licensesSchema, overridesSchema, roleSchema } from "@/lib/validation/access";
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
  version: z.number().int().describe("Send back with PATCH to refuse a change made meanwhile"),
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
    version: member.version,
    viaNetwork: member.viaAccountName,
  };
}

export const apiUserListSchema = z.object({
  data: z.array(apiUserSchema),
  next: z.string().nullable().describe("Pass as `after` for the next page; null on the last"),
});

/** What PATCH /api/v1/users/{id} takes: any of these, at least one. */
export const apiUserChangeSchema = z
  .object({
    role: roleSchema.optional(),
    licenses: licensesSchema.optional(),
    overrides: overridesSchema.optional(),
    status: z.enum(["active", "deactivated"]).optional(),
    version: z.number().int().min(1).optional().describe("The version read with the user; refuses a change made meanwhile"),
  })
  .strict()
  .refine((change) => Object.values(change).some((value) => value !== undefined), "Send at least one of role, licenses, overrides or status.");
