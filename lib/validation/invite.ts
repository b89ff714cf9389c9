import { z } from "zod";
import { dataFilterSchema } from "@/lib/authz/data-filter";
import { licensesSchema, overridesSchema, roleSchema } from "./access";
import { emailSchema, nameSchema } from "./user";

// The invite dialog's form and the invite action parse the same schema.
export const inviteSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  licenses: licensesSchema,
  overrides: overridesSchema.default({}),
  // Filtered Reporting only: the marketing data their reports show.
  dataFilter: dataFilterSchema.nullable().optional(),
});
export type InviteInput = z.input<typeof inviteSchema>;

export const membershipRefSchema = z.object({ membershipId: z.uuid({ error: "Unknown member." }) });

// Correcting a pending invitation: a new address is a new invitee.
export const inviteeSchema = z.object({ membershipId: z.uuid({ error: "Unknown member." }), email: emailSchema, name: nameSchema });
export type InviteeInput = z.input<typeof inviteeSchema>;

export const PHONE_MAX_LENGTH = 40;

// The edit dialog's Permissions tab: the version it was opened at travels
// back, so a save over someone else's change is refused, not silently merged.
export const memberAccessSchema = z.object({
  membershipId: z.uuid({ error: "Unknown member." }),
  expectedVersion: z.number({ error: "Reload the page and try again." }).int().min(1),
  role: roleSchema,
  licenses: licensesSchema,
  overrides: overridesSchema.default({}),
  // Left out, the member's filter stays as it is; null removes it.
  dataFilter: dataFilterSchema.nullable().optional(),
});
export type MemberAccessInput = z.input<typeof memberAccessSchema>;

// The Information tab: facts about the person, shared by all their accounts.
// `original` is what the form showed when it opened: if the person has changed
// since (in another account, or on their own profile), the save is refused.
export const memberInfoSchema = z.object({
  membershipId: z.uuid({ error: "Unknown member." }),
  name: nameSchema,
  email: emailSchema,
  phone: z
    .string()
    .trim()
    .max(PHONE_MAX_LENGTH, `A phone number has at most ${PHONE_MAX_LENGTH} characters.`)
    .regex(/^[+0-9 ()./-]*$/, "Use digits, spaces and + ( ) - . / only.")
    .transform((phone) => (phone === "" ? null : phone)),
  original: z.object({ name: z.string().max(500), email: z.string().max(500), phone: z.string().max(500).nullable() }, { error: "Reload the page and try again." }),
});
export type MemberInfoInput = z.input<typeof memberInfoSchema>;
