import { effectivePermissions, type Overrides } from "./effective";
import { isOverridable, permissionDefinition, type PermissionKey } from "./permissions";
import { PRODUCT_LABELS, type Product } from "./products";
import { ROLE_LABELS, roleRank, type Role } from "./roles";
import type { AccountType } from "@/lib/account-types";

/** The person changing someone's access, as authorize() resolved them in this account. */
export type Grantor = { userId: string; role: Role; permissions: ReadonlySet<PermissionKey> };

export type AccessGrant = { role: Role; licenses: Product[]; overrides: Overrides };
export type GrantTarget = { userId?: string; accountType: AccountType; accountProducts: readonly Product[] };
export type GrantProblem = { field: string; message: string };

/**
 * Why a grantor may not give this access, or an empty list when they may.
 * Nobody changes their own access, gives a role above their own, toggles a
 * permission they do not hold, or — through any mix of role, licenses and
 * toggles — gives a permission they do not hold themselves.
 */
export function grantProblems(grantor: Grantor, grant: AccessGrant, target: GrantTarget): GrantProblem[] {
  const problems: GrantProblem[] = [];
  if (target.userId === grantor.userId) {
    return [{ field: "form", message: "You cannot change your own access. Ask another Super User." }];
  }
  if (roleRank(grant.role) > roleRank(grantor.role)) {
    problems.push({ field: "role", message: `You can give roles up to your own (${ROLE_LABELS[grantor.role]}).` });
  }
  if (grant.licenses.length === 0) problems.push({ field: "licenses", message: "Choose at least one license." });
  for (const license of grant.licenses) {
    if (!target.accountProducts.includes(license)) {
      problems.push({ field: "licenses", message: `${PRODUCT_LABELS[license]} is not a product of this account.` });
    }
  }
  for (const key of Object.keys(grant.overrides) as PermissionKey[]) {
    if (!isOverridable(key)) {
      problems.push({ field: `overrides.${key}`, message: `${permissionDefinition(key).label} belongs to the account holder alone.` });
    } else if (!grantor.permissions.has(key)) {
      problems.push({ field: `overrides.${key}`, message: "You can only toggle permissions you have yourself." });
    }
  }
  if (problems.length > 0) return problems;

  const granted = effectivePermissions({ ...grant, accountType: target.accountType, accountProducts: target.accountProducts, isHolder: false });
  const beyond = [...granted].filter((key) => !grantor.permissions.has(key));
  if (beyond.length > 0) {
    const labels = beyond.map((key) => permissionDefinition(key).label).join(", ");
    problems.push({ field: "form", message: `This would give access you do not have yourself: ${labels}.` });
  }
  return problems;
}
