import { z } from "zod";
import { PERMISSION_KEYS } from "@/lib/authz/permissions";
import { PRODUCTS } from "@/lib/authz/products";
import { ROLES } from "@/lib/authz/roles";

// One schema for role + licenses + toggles: presets now, the invite and edit dialogs next.
export const roleSchema = z.enum(ROLES, { error: "Choose a role." });
export const licensesSchema = z
  .array(z.enum(PRODUCTS, { error: "Choose Marketing or Contact Center." }))
  .min(1, "Choose at least one license.")
  .transform((licenses) => [...new Set(licenses)]);
export const overridesSchema = z.partialRecord(z.enum(PERMISSION_KEYS, { error: "Unknown permission." }), z.boolean());

export const presetSchema = z.object({
  name: z.string({ error: "Name the preset." }).trim().min(1, "Name the preset.").max(60, "A preset name has at most 60 characters."),
  role: roleSchema,
  licenses: licensesSchema,
  overrides: overridesSchema.default({}),
});
export type PresetInput = z.input<typeof presetSchema>;

export const presetIdSchema = z.object({ presetId: z.uuid({ error: "Unknown preset." }) });
