import { listAccessPresets } from "@/db/queries/access-presets";
import type { AccountType } from "@/lib/account-types";
import type { AccessContext } from "./authorize";
import { parseOverrides } from "./effective";
import { grantProblems, type AccessGrant } from "./grants";
import type { PermissionKey } from "./permissions";
import { BUILT_IN_PRESETS, grantFromPreset } from "./presets";
import type { Product } from "./products";
import { roleAtLeast, ROLES, type Role } from "./roles";

export type PresetOption = AccessGrant & { id: string; name: string };

/** What the invite and edit forms may offer the caller: never more than they could grant. */
export type AccessChoices = {
  accountSlug: string;
  accountType: AccountType;
  accountProducts: Product[];
  grantableRoles: Role[];
  grantable: PermissionKey[];
  presets: PresetOption[];
};

export async function accessChoicesFor(access: AccessContext): Promise<AccessChoices> {
  const { account } = access;
  const grantor = { userId: access.session.user.id, role: access.role, permissions: access.permissions };
  const target = { accountType: account.type, accountProducts: account.products };
  const custom = await listAccessPresets(account.id);
  const presets: PresetOption[] = [
    ...BUILT_IN_PRESETS.map((preset) => ({ id: preset.id, name: preset.name, ...grantFromPreset(preset, account.products) })),
    ...custom.map((preset) => ({
      id: preset.id,
      name: preset.name,
      ...grantFromPreset({ ...preset, overrides: parseOverrides(preset.overrides) }, account.products),
    })),
  ].filter((preset) => preset.licenses.length > 0 && grantProblems(grantor, preset, target).length === 0);
  return {
    accountSlug: account.slug,
    accountType: account.type,
    accountProducts: account.products,
    grantableRoles: ROLES.filter((role) => roleAtLeast(access.role, role)),
    grantable: [...access.permissions],
    presets,
  };
}
