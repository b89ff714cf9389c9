import { describe, expect, it } from "vitest";
import { effectivePermissions } from "@/lib/authz/effective";
import { BUILT_IN_PRESETS, grantFromPreset } from "@/lib/authz/presets";
import type { PermissionKey } from "@/lib/authz/permissions";

const BOTH = ["marketing", "contact_center"] as const;
function permissionsOf(name: string, accountProducts = [...BOTH]) {
  const preset = BUILT_IN_PRESETS.find((p) => p.name === name)!;
  return effectivePermissions({ ...grantFromPreset(preset, accountProducts), accountType: "advertiser", accountProducts, isHolder: false });
}

// Everything that changes data, from the product spec: all but viewing.
const CHANGES: PermissionKey[] = [
  "calls.comment",
  "calls.mention",
  "campaigns.edit",
  "numbers.edit",
  "numbers.increase_limit",
  "numbers.edit_diverts",
  "integrations.edit",
  "integrations.manage_credentials",
  "signals.manage",
  "marketing_data.manage",
  "tags.manage",
  "users.invite",
  "users.edit",
  "users.delete",
  "users.bulk_manage",
  "account.edit_info",
  "account.edit_settings",
  "account.manage_two_factor",
  "account.manage_performance_marketing",
  "account.transfer_ownership",
  "account.close",
  "reports.create_dashboards",
];

describe("built-in presets", () => {
  it("Administrator has everything but the holder's own rights", () => {
    const granted = permissionsOf("Administrator");
    expect(granted.has("users.bulk_manage")).toBe(true);
    expect(granted.has("account.transfer_ownership")).toBe(false);
    expect(granted.has("account.close")).toBe(false);
  });

  it("Read-Write is Member plus account information and diverts, with no user management", () => {
    const granted = permissionsOf("Read-Write");
    expect(granted.has("campaigns.edit")).toBe(true);
    expect(granted.has("account.edit_info")).toBe(true);
    expect(granted.has("numbers.edit_diverts")).toBe(true);
    for (const key of ["users.invite", "users.edit", "users.delete", "users.bulk_manage"] as const) expect(granted.has(key)).toBe(false);
  });

  it("Read-Only views what an Observer may and changes nothing", () => {
    const granted = permissionsOf("Read-Only");
    expect(granted.has("campaigns.view")).toBe(true);
    expect(granted.has("users.view")).toBe(true);
    expect(CHANGES.filter((key) => granted.has(key))).toEqual([]);
  });

  it("give only the account's products as licenses", () => {
    const preset = BUILT_IN_PRESETS[0]!;
    expect(grantFromPreset(preset, ["contact_center"]).licenses).toEqual(["contact_center"]);
    expect(grantFromPreset({ ...preset, licenses: ["marketing"] }, ["contact_center"]).licenses).toEqual([]);
  });
});
