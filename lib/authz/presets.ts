import type { Overrides } from "./effective";
import type { Product } from "./products";
import type { Role } from "./roles";

export type PresetDefinition = { id: string; name: string; description: string; role: Role; licenses: Product[] | "all"; overrides: Overrides };

// Shipped with every account. "all" licenses means every product the account has.
export const BUILT_IN_PRESETS: PresetDefinition[] = [
  {
    id: "builtin:administrator",
    name: "Administrator",
    description: "Super User: everything except the account holder's own rights.",
    role: "super_user",
    licenses: "all",
    overrides: {},
  },
  {
    id: "builtin:read-write",
    name: "Read-Write",
    description: "Member, plus editing account information and number diverts; no user management.",
    role: "member",
    licenses: "all",
    overrides: { "account.edit_info": true, "numbers.edit_diverts": true },
  },
  {
    id: "builtin:read-only",
    name: "Read-Only",
    description: "Observer: views everything it may and changes nothing — no comments, no new dashboards.",
    role: "observer",
    licenses: "all",
    overrides: { "calls.comment": false, "calls.mention": false, "reports.create_dashboards": false },
  },
];

/** The role, licenses and toggles a preset sets, within the account's products. */
export function grantFromPreset(preset: Pick<PresetDefinition, "role" | "licenses" | "overrides">, accountProducts: readonly Product[]) {
  const licenses = preset.licenses === "all" ? [...accountProducts] : preset.licenses.filter((l) => accountProducts.includes(l));
  return { role: preset.role, licenses, overrides: { ...preset.overrides } };
}
