import type { AuditEvent } from "@/db/schema";
import { PRODUCT_LABELS, type Product } from "@/lib/authz/products";
import { ROLE_LABELS, type Role } from "@/lib/authz/roles";
import { AUDIT_ACTIONS, isAuditAction } from "./actions";

export function actionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : action;
}

const roleName = (role: unknown) => (typeof role === "string" && role in ROLE_LABELS ? ROLE_LABELS[role as Role] : String(role));
const licenseNames = (licenses: unknown) =>
  Array.isArray(licenses) && licenses.length > 0 ? licenses.map((license) => PRODUCT_LABELS[license as Product] ?? String(license)).join(", ") : "none";
const toggleCount = (overrides: unknown) => (overrides && typeof overrides === "object" ? Object.keys(overrides).length : 0);

type Access = { role?: unknown; licenses?: unknown; overrides?: unknown };

function accessChange(before: Access, after: Access): string {
  const parts: string[] = [];
  if (before.role !== after.role) parts.push(`role ${roleName(before.role)} → ${roleName(after.role)}`);
  if (licenseNames(before.licenses) !== licenseNames(after.licenses)) parts.push(`licenses ${licenseNames(before.licenses)} → ${licenseNames(after.licenses)}`);
  if (JSON.stringify(before.overrides ?? {}) !== JSON.stringify(after.overrides ?? {})) {
    parts.push(`toggles ${toggleCount(before.overrides)} → ${toggleCount(after.overrides)}`);
  }
  return parts.join("; ") || "no change in access";
}

type AccountInfo = { name?: unknown; products?: unknown; inviteTtlDays?: unknown };

function infoChange(before: AccountInfo, after: AccountInfo): string {
  const parts: string[] = [];
  if (before.name !== after.name) parts.push(`name ${String(before.name)} → ${String(after.name)}`);
  if (licenseNames(before.products) !== licenseNames(after.products)) parts.push(`products ${licenseNames(before.products)} → ${licenseNames(after.products)}`);
  if (before.inviteTtlDays !== after.inviteTtlDays) parts.push(`invitations last ${String(before.inviteTtlDays)} → ${String(after.inviteTtlDays)} days`);
  return parts.join("; ") || "no change";
}

/** One line saying what changed, for the log page and its export. */
export function describeDetails(event: Pick<AuditEvent, "action" | "details">): string {
  const details = event.details as Record<string, unknown>;
  switch (event.action) {
    case "member.access_changed":
      return accessChange((details.before ?? {}) as Access, (details.after ?? {}) as Access);
    case "account.info_changed":
      return infoChange((details.before ?? {}) as AccountInfo, (details.after ?? {}) as AccountInfo);
    case "invitation.sent":
    case "preset.created":
      return `${roleName(details.role)} (${licenseNames(details.licenses)})`;
    case "member.deleted":
      return `was ${roleName(details.role)}${details.lastMembership ? "; their last account, so their sessions ended" : ""}`;
    case "import.applied":
      return `${Number(details.rows ?? 0).toLocaleString("en-US")} rows, ${Number(details.deletes ?? 0).toLocaleString("en-US")} to delete; job ${String(details.jobKey ?? "")}`;
    case "users.exported":
      return `${Number(details.rows ?? 0).toLocaleString("en-US")} users`;
    case "two_factor.requirement_changed":
      return `${details.required ? "required" : "optional"}${details.everyone ? " for everyone" : ""}`;
    case "credential.created":
    case "credential.revoked":
      return `client ${String(details.clientId ?? "")}`;
    case "invitation.resent":
      return details.delivery === "copy" ? "link copied" : "emailed";
    default:
      return "";
  }
}
