// Roles ranked lowest first; each includes the rights of those below it.
// Filtered Reporting is Reporting narrowed by a data filter, so it ranks below
// Reporting: moving up a rank never narrows what someone sees.
export const ROLES = ["filtered_reporting", "reporting", "observer", "member", "manager", "super_user"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  filtered_reporting: "Filtered Reporting",
  reporting: "Reporting",
  observer: "Observer",
  member: "Member",
  manager: "Manager",
  super_user: "Super User",
};

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return roleRank(role) >= roleRank(minimum);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
