import type { AccountType } from "@/lib/account-types";
import type { Product } from "./products";
import type { Role } from "./roles";

// Every capability of the portal, once. Enforcement, the per-user toggles, the
// roles page and the tests are all generated from this list.

export const AREAS = {
  reports: "Reports",
  full_reporting: "Full reporting",
  calls: "Calls",
  campaigns: "Campaigns and numbers",
  integrations: "Integrations",
  signals: "Signals",
  marketing_data: "Marketing Data and tags",
  users: "Users",
  account: "Account",
} as const;
export type Area = keyof typeof AREAS;

const BOTH: Product[] = ["marketing", "contact_center"];
const MARKETING: Product[] = ["marketing"];
const CONTACT_CENTER: Product[] = ["contact_center"];
const NO_LICENSE: Product[] = [];
const CHILD_ACCOUNTS: AccountType[] = ["advertiser", "publisher", "profile"];

type PermissionDefinition = {
  area: Area;
  label: string;
  description: string;
  // Any one of these licenses unlocks it; empty means no license is needed.
  licenses: Product[];
  // The lowest role that has it by default; "holder" means only the account holder, whatever the role.
  minimumRole: Role | "holder";
  // Account types where it exists at all; every type when absent.
  accountTypes?: AccountType[];
};

function define<const T extends Record<string, PermissionDefinition>>(catalogue: T) {
  return catalogue;
}

const CATALOGUE = define({
  "reports.view_calls": {
    area: "reports",
    label: "View call reports",
    description: "See the transaction and call log reports.",
    licenses: BOTH,
    minimumRole: "filtered_reporting",
  },
  "reports.view_signal_results": {
    area: "reports",
    label: "View Signal results",
    description: "See what Signals detected on each call.",
    licenses: BOTH,
    minimumRole: "filtered_reporting",
  },
  "reports.listen_recordings": {
    area: "reports",
    label: "Listen to call recordings",
    description: "Play and download the recordings of calls.",
    licenses: BOTH,
    minimumRole: "filtered_reporting",
  },
  "reports.read_transcripts": {
    area: "reports",
    label: "Read transcripts",
    description: "Read the transcripts of recorded calls.",
    licenses: BOTH,
    minimumRole: "filtered_reporting",
  },
  "reports.view_dashboards": {
    area: "reports",
    label: "View dashboards",
    description: "Open the account's dashboards.",
    licenses: BOTH,
    minimumRole: "filtered_reporting",
  },
  "reports.create_dashboards": {
    area: "reports",
    label: "Create dashboards and reports",
    description: "Build and save custom dashboards and reports.",
    licenses: MARKETING,
    minimumRole: "filtered_reporting",
  },
  "reports.export": {
    area: "reports",
    label: "Export report data",
    description: "Download report data as a spreadsheet.",
    licenses: BOTH,
    minimumRole: "filtered_reporting",
  },
  "full_reporting.view_promo_numbers": {
    area: "full_reporting",
    label: "View promo numbers",
    description: "See every tracking number and where it is used.",
    licenses: MARKETING,
    minimumRole: "observer",
  },
  "full_reporting.view_campaign_stats": {
    area: "full_reporting",
    label: "View campaign statistics",
    description: "See the performance of every campaign.",
    licenses: MARKETING,
    minimumRole: "observer",
  },
  "calls.comment": {
    area: "calls",
    label: "Comment on calls",
    description: "Add comments to calls.",
    licenses: CONTACT_CENTER,
    minimumRole: "observer",
  },
  "calls.mention": {
    area: "calls",
    label: "Mention colleagues",
    description: "@-mention people of the accounts you reach in call comments.",
    licenses: CONTACT_CENTER,
    minimumRole: "observer",
  },
  "calls.view_scores": {
    area: "calls",
    label: "View call scores",
    description: "See the scores given to calls.",
    licenses: CONTACT_CENTER,
    minimumRole: "filtered_reporting",
  },
  "campaigns.view": {
    area: "campaigns",
    label: "View campaigns",
    description: "Open campaigns and their settings.",
    licenses: MARKETING,
    minimumRole: "observer",
  },
  "campaigns.edit": {
    area: "campaigns",
    label: "Edit campaigns",
    description: "Create, change and archive campaigns.",
    licenses: MARKETING,
    minimumRole: "member",
  },
  "numbers.edit": {
    area: "campaigns",
    label: "Edit promo numbers",
    description: "Buy, assign and release tracking numbers.",
    licenses: MARKETING,
    minimumRole: "member",
  },
  "numbers.increase_limit": {
    area: "campaigns",
    label: "Increase the promo number limit",
    description: "Raise how many tracking numbers the account may hold.",
    licenses: MARKETING,
    minimumRole: "member",
  },
  "numbers.edit_diverts": {
    area: "campaigns",
    label: "Edit number diverts",
    description: "Change where tracking numbers forward their calls.",
    licenses: MARKETING,
    minimumRole: "manager",
  },
  "integrations.view": {
    area: "integrations",
    label: "View integrations",
    description: "See which tools the account is connected to.",
    licenses: MARKETING,
    minimumRole: "member",
  },
  "integrations.edit": {
    area: "integrations",
    label: "Edit integrations",
    description: "Connect, configure and disconnect integrations.",
    licenses: MARKETING,
    minimumRole: "member",
  },
  "integrations.manage_credentials": {
    area: "integrations",
    label: "Create and revoke API credentials",
    description: "Issue and revoke API keys and OAuth clients for integrations.",
    licenses: MARKETING,
    minimumRole: "manager",
  },
  "signals.manage": {
    area: "signals",
    label: "Manage Signals",
    description: "Create and configure the Signals that classify calls.",
    licenses: BOTH,
    minimumRole: "manager",
  },
  "marketing_data.manage": {
    area: "marketing_data",
    label: "Manage Marketing Data",
    description: "Edit the marketing-data categories and values calls are tagged with.",
    licenses: MARKETING,
    minimumRole: "manager",
  },
  "tags.manage": {
    area: "marketing_data",
    label: "Manage call tags",
    description: "Create, rename and apply call tags.",
    licenses: MARKETING,
    minimumRole: "member",
  },
  "users.view": {
    area: "users",
    label: "View members",
    description: "See who belongs to the account, their roles and licenses.",
    licenses: NO_LICENSE,
    minimumRole: "observer",
  },
  "users.invite": {
    area: "users",
    label: "Invite users",
    description: "Invite people and resend, revoke or copy their pending invites.",
    licenses: NO_LICENSE,
    minimumRole: "manager",
  },
  "users.edit": {
    area: "users",
    label: "Edit users",
    description: "Change roles, licenses and access; deactivate, reactivate, reset passwords, sign people out.",
    licenses: NO_LICENSE,
    minimumRole: "super_user",
  },
  "users.delete": {
    area: "users",
    label: "Delete users",
    description: "Remove people from the account.",
    licenses: NO_LICENSE,
    minimumRole: "super_user",
  },
  "users.bulk_manage": {
    area: "users",
    label: "Bulk manage users",
    description: "Add, edit and delete users from a spreadsheet.",
    licenses: NO_LICENSE,
    minimumRole: "super_user",
  },
  "account.edit_info": {
    area: "account",
    label: "Edit account information",
    description: "Change the account's name and contact details.",
    licenses: NO_LICENSE,
    minimumRole: "super_user",
  },
  "account.edit_settings": {
    area: "account",
    label: "Edit account settings",
    description: "Change the account's settings and access presets.",
    licenses: NO_LICENSE,
    minimumRole: "super_user",
  },
  "account.manage_two_factor": {
    area: "account",
    label: "Manage two-factor requirements",
    description: "Require or relax two-factor sign-in for the account.",
    licenses: NO_LICENSE,
    minimumRole: "super_user",
  },
  "account.manage_api_credentials": {
    area: "account",
    label: "Manage API credentials",
    description: "Create and revoke credentials that let integrations use the users API as you.",
    licenses: NO_LICENSE,
    minimumRole: "manager",
  },
  "account.view_audit_log": {
    area: "account",
    label: "View the audit log",
    description: "See and export who changed what in the account (and, in a network, its accounts).",
    licenses: NO_LICENSE,
    minimumRole: "super_user",
  },
  "account.manage_performance_marketing": {
    area: "account",
    label: "Manage Performance Marketing",
    description: "Set up Performance Marketing profiles and channels.",
    licenses: MARKETING,
    minimumRole: "super_user",
  },
  "account.transfer_ownership": {
    area: "account",
    label: "Transfer ownership",
    description: "Make another Super User the account holder.",
    licenses: NO_LICENSE,
    minimumRole: "holder",
  },
  "account.close": {
    area: "account",
    label: "Close the account",
    description: "Close the account; its network's Super Users can reopen it.",
    licenses: NO_LICENSE,
    minimumRole: "holder",
    accountTypes: CHILD_ACCOUNTS,
  },
});

export type PermissionKey = keyof typeof CATALOGUE;
export type PermissionDefinitionOf = PermissionDefinition & { key: PermissionKey };

export const PERMISSIONS: readonly PermissionDefinitionOf[] = Object.entries(CATALOGUE).map(([key, definition]) => ({
  key: key as PermissionKey,
  ...definition,
}));

export const PERMISSION_KEYS = PERMISSIONS.map((permission) => permission.key);

export function permissionDefinition(key: PermissionKey): PermissionDefinitionOf {
  return { key, ...CATALOGUE[key] };
}

export function isPermissionKey(value: unknown): value is PermissionKey {
  return typeof value === "string" && Object.hasOwn(CATALOGUE, value);
}

/** Holder-only rights go with the account, never with a toggle. */
export function isOverridable(key: PermissionKey): boolean {
  return CATALOGUE[key].minimumRole !== "holder";
}
