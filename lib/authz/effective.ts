import type { AccountType } from "@/lib/account-types";
import { isPermissionKey, PERMISSIONS, type PermissionDefinitionOf, type PermissionKey } from "./permissions";
import type { Product } from "./products";
import { roleAtLeast, type Role } from "./roles";

/** Per-user toggles: true grants a permission the role lacks, false revokes one it has. */
export type Overrides = Partial<Record<PermissionKey, boolean>>;

/** Reads stored overrides, dropping anything that is not a known permission with a boolean. */
export function parseOverrides(stored: unknown): Overrides {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  const overrides: Overrides = {};
  for (const [key, value] of Object.entries(stored)) {
    if (isPermissionKey(key) && typeof value === "boolean") overrides[key] = value;
  }
  return overrides;
}

export type AccessFacts = {
  role: Role;
  licenses: readonly Product[];
  overrides: Overrides;
  accountType: AccountType;
  // The account's products: a license outside them unlocks nothing.
  accountProducts: readonly Product[];
  isHolder: boolean;
};

export type Reason =
  | "role" // the role has it by default
  | "role_too_low" // the role lacks it by default
  | "override_granted"
  | "override_revoked"
  | "holder" // the account holder has it
  | "not_holder" // only the account holder has it
  | "license_missing" // none of the licenses that unlock it
  | "unavailable"; // does not exist in this type of account

export type PermissionDecision = { key: PermissionKey; granted: boolean; reason: Reason };

export function decidePermission(permission: PermissionDefinitionOf, facts: AccessFacts): PermissionDecision {
  const decide = (granted: boolean, reason: Reason) => ({ key: permission.key, granted, reason });

  if (permission.accountTypes && !permission.accountTypes.includes(facts.accountType)) return decide(false, "unavailable");
  if (permission.minimumRole === "holder") return facts.isHolder ? decide(true, "holder") : decide(false, "not_holder");
  const licensed =
    permission.licenses.length === 0 ||
    permission.licenses.some((license) => facts.licenses.includes(license) && facts.accountProducts.includes(license));
  // A license is a hard gate: an override toggles access within what the licenses cover.
  if (!licensed) return decide(false, "license_missing");
  const override = facts.overrides[permission.key];
  if (override === true) return decide(true, "override_granted");
  if (override === false) return decide(false, "override_revoked");
  return roleAtLeast(facts.role, permission.minimumRole) ? decide(true, "role") : decide(false, "role_too_low");
}

/** Every permission of the catalogue, granted or not, with the reason. */
export function explainPermissions(facts: AccessFacts): PermissionDecision[] {
  return PERMISSIONS.map((permission) => decidePermission(permission, facts));
}

export function effectivePermissions(facts: AccessFacts): Set<PermissionKey> {
  return new Set(explainPermissions(facts).filter((decision) => decision.granted).map((decision) => decision.key));
}
