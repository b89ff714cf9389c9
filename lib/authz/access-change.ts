import type { AccountType } from "@/lib/account-types";
import { effectivePermissions } from "./effective";
import type { AccessGrant } from "./grants";
import { PERMISSIONS, type PermissionKey } from "./permissions";
import { PRODUCT_LABELS, type Product } from "./products";
import { ROLE_LABELS } from "./roles";

export type AccessChange = { role?: string; licenses?: string; grants: string[]; removes: string[] };

/**
 * What an access edit does, in words: the role and license change and the
 * permissions it grants and removes. The edit dialog shows it before saving;
 * the "your access changed" email lists it.
 */
export function describeAccessChange(
  before: AccessGrant,
  after: AccessGrant,
  account: { type: AccountType; products: readonly Product[] },
): AccessChange {
  const permissionsOf = (grant: AccessGrant) =>
    effectivePermissions({ ...grant, accountType: account.type, accountProducts: account.products, isHolder: false });
  const had = permissionsOf(before);
  const has = permissionsOf(after);
  const labels = (keys: PermissionKey[]) => PERMISSIONS.filter((p) => keys.includes(p.key)).map((p) => p.label);
  const licenseText = (licenses: Product[]) => licenses.map((l) => PRODUCT_LABELS[l]).join(" + ");
  return {
    role: before.role === after.role ? undefined : `${ROLE_LABELS[before.role]} → ${ROLE_LABELS[after.role]}`,
    licenses:
      licenseText([...before.licenses].sort()) === licenseText([...after.licenses].sort())
        ? undefined
        : `${licenseText(before.licenses)} → ${licenseText(after.licenses)}`,
    grants: labels([...has].filter((key) => !had.has(key))),
    removes: labels([...had].filter((key) => !has.has(key))),
  };
}

const WORDS = {
  // To the person whose access changed ("your access changed" email).
  member: { grants: "You can now", removes: "You can no longer" },
  // To the admin making the change, before they save it.
  admin: { grants: "Grants", removes: "Removes" },
};

/** The change as lines, worded for its reader; empty when nothing a person would notice changed. */
export function accessChangeLines(change: AccessChange, reader: keyof typeof WORDS = "member"): string[] {
  const words = WORDS[reader];
  return [
    change.role ? `Role: ${change.role}` : null,
    change.licenses ? `Licenses: ${change.licenses}` : null,
    change.grants.length ? `${words.grants}: ${change.grants.join(", ")}` : null,
    change.removes.length ? `${words.removes}: ${change.removes.join(", ")}` : null,
  ].filter((line): line is string => line !== null);
}
