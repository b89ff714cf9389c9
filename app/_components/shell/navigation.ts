import type { AccessContext } from "@/lib/authz/authorize";
import type { NavSection } from "./sidebar-nav";

/** The sidebar for one account, holding only what the caller's permissions open. */
export function navigationFor(access: Pick<AccessContext, "account" | "can" | "closed">): NavSection[] {
  const base = `/a/${access.account.slug}`;
  if (access.closed) {
    return [{ title: "Settings", items: [{ href: `${base}/settings/account`, label: "Account", icon: "account" }] }];
  }
  return [
    { title: null, items: [{ href: base, label: "Overview", icon: "home", exact: true }] },
    {
      title: "Reports",
      items: access.can("reports.view_calls") ? [{ href: `${base}/reports/calls`, label: "Calls", icon: "calls" }] : [],
    },
    {
      title: "Settings",
      items: [
        ...(access.can("users.view") ? [{ href: `${base}/settings/users`, label: "Users", icon: "users" as const }] : []),
        { href: `${base}/settings/roles`, label: "Roles", icon: "roles" },
        ...(access.can("account.edit_settings")
          ? [{ href: `${base}/settings/presets`, label: "Access presets", icon: "presets" as const }]
          : []),
        ...(access.can("account.manage_api_credentials")
          ? [{ href: `${base}/settings/api-credentials`, label: "API credentials", icon: "credentials" as const }]
          : []),
        ...(access.can("account.view_audit_log") ? [{ href: `${base}/settings/audit`, label: "Audit log", icon: "audit" as const }] : []),
        ...(access.can("account.edit_info") || access.can("account.transfer_ownership")
          ? [{ href: `${base}/settings/account`, label: "Account", icon: "account" as const }]
          : []),
      ],
    },
  ];
}
