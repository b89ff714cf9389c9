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

// One sentence per role on who it is for, shown on the roles page and in role pickers.
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  filtered_reporting:
    "For people who should see reports only for their slice of the business, such as one location or region.",
  reporting: "For people who need the account's reports and dashboards but not its setup or its members.",
  observer: "For colleagues who follow everything — campaigns, numbers and members — without changing anything.",
  member: "For people who run campaigns, numbers and integrations day to day.",
  manager: "For team leads who also configure Signals, diverts and API credentials and invite new users.",
  super_user: "For administrators who manage users and the account's settings.",
};
