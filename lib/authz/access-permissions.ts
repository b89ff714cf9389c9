import type { AccountAccess } from "@/db/queries/accounts";
import { effectivePermissions, parseOverrides } from "./effective";
import type { PermissionKey } from "./permissions";

/** The permissions a reaching membership gives this person in the account. */
export function permissionsOfAccess(access: AccountAccess, userId: string): Set<PermissionKey> {
  return effectivePermissions({
    role: access.role,
    licenses: access.licenses,
    overrides: parseOverrides(access.overrides),
    accountType: access.account.type,
    accountProducts: access.account.products,
    isHolder: access.account.holderUserId === userId,
  });
}
