import type { AccountAccess } from "@/db/queries/accounts";

/**
 * A closed account refuses every request, except from its network's Super
 * Users, who may open its settings to reopen it. To everyone else it is as if
 * it did not exist.
 */
export function closedAccountRefuses(access: Pick<AccountAccess, "account" | "via" | "role">): boolean {
  if (!access.account.closedAt) return false;
  return !(access.via === "network" && access.role === "super_user");
}
