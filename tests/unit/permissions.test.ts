import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACCOUNT_TYPES } from "@/lib/account-types";
import { effectivePermissions, explainPermissions, type AccessFacts } from "@/lib/authz/effective";
import { PERMISSION_KEYS, PERMISSIONS, type PermissionKey } from "@/lib/authz/permissions";
import type { Product } from "@/lib/authz/products";
import { ROLES } from "@/lib/authz/roles";

const LICENSE_SETS: Array<[string, Product[]]> = [
  ["M+CC", ["marketing", "contact_center"]],
  ["M", ["marketing"]],
  ["CC", ["contact_center"]],
];

/** Parses the reviewed expectation table: permission → license set → one Y/N per role. */
function readExpectations(): Map<string, string[]> {
  const text = readFileSync(path.join(import.meta.dirname, "expectations", "role-permissions.txt"), "utf8");
  const rows = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [key, ...columns] = line.trim().split(/\s+/);
    rows.set(key!, columns);
  }
  return rows;
}

const facts = (overrides: Partial<AccessFacts>): AccessFacts => ({
  role: "observer",
  licenses: ["marketing", "contact_center"],
  overrides: {},
  accountType: "advertiser",
  accountProducts: ["marketing", "contact_center"],
  isHolder: false,
  ...overrides,
});

describe("the permission catalogue", () => {
  const expectations = readExpectations();

  it("is covered exactly by the reviewed expectation table", () => {
    expect([...expectations.keys()].sort()).toEqual([...PERMISSION_KEYS].sort());
  });

  it("has a label, a description and a known area for every permission", () => {
    for (const permission of PERMISSIONS) {
      expect(permission.label.length, permission.key).toBeGreaterThan(3);
      expect(permission.description.endsWith("."), permission.key).toBe(true);
      expect(permission.key.includes("."), permission.key).toBe(true);
    }
  });

  for (const [licenseColumn, [name, licenses]] of LICENSE_SETS.entries()) {
    it(`grants by default exactly what the table says for ${name} licenses`, () => {
      const mismatches: string[] = [];
      for (const [roleIndex, role] of ROLES.entries()) {
        const granted = effectivePermissions(facts({ role, licenses }));
        for (const [key, columns] of expectations) {
          const expected = columns[licenseColumn]![roleIndex] === "Y";
          if (granted.has(key as PermissionKey) !== expected) mismatches.push(`${role} ${key}: expected ${expected ? "Y" : "N"}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});

describe("roles", () => {
  it("each have everything the role below has, in every account type and license set", () => {
    for (const accountType of ACCOUNT_TYPES) {
      for (const [, licenses] of LICENSE_SETS) {
        for (let index = 1; index < ROLES.length; index += 1) {
          const lower = effectivePermissions(facts({ role: ROLES[index - 1]!, licenses, accountType }));
          const higher = effectivePermissions(facts({ role: ROLES[index]!, licenses, accountType }));
          expect([...lower].filter((key) => !higher.has(key)), `${ROLES[index]} ⊇ ${ROLES[index - 1]}`).toEqual([]);
        }
      }
    }
  });

  it("give Filtered Reporting exactly Reporting's rights (its data filter narrows the data instead)", () => {
    expect([...effectivePermissions(facts({ role: "filtered_reporting" }))]).toEqual([
      ...effectivePermissions(facts({ role: "reporting" })),
    ]);
  });
});

describe("effective permissions", () => {
  it("explain why each permission is granted or missing", () => {
    const byKey = new Map(explainPermissions(facts({ role: "member", licenses: ["marketing"] })).map((d) => [d.key, d]));
    expect(byKey.get("campaigns.edit")).toEqual({ key: "campaigns.edit", granted: true, reason: "role" });
    expect(byKey.get("users.invite")).toMatchObject({ granted: false, reason: "role_too_low" });
    expect(byKey.get("calls.comment")).toMatchObject({ granted: false, reason: "license_missing" });
    expect(byKey.get("account.close")).toMatchObject({ granted: false, reason: "not_holder" });
  });

  it("apply overrides on top of the role, within the licenses", () => {
    const salesDirector = facts({
      role: "filtered_reporting",
      licenses: ["contact_center"],
      overrides: { "calls.mention": true, "reports.export": false, "campaigns.edit": true },
    });
    const byKey = new Map(explainPermissions(salesDirector).map((d) => [d.key, d]));
    expect(byKey.get("calls.mention")).toMatchObject({ granted: true, reason: "override_granted" });
    expect(byKey.get("reports.export")).toMatchObject({ granted: false, reason: "override_revoked" });
    // Campaigns need Marketing: a toggle cannot reach past the licenses.
    expect(byKey.get("campaigns.edit")).toMatchObject({ granted: false, reason: "license_missing" });
  });

  it("ignore a license the account does not have", () => {
    const granted = effectivePermissions(
      facts({ role: "super_user", licenses: ["marketing", "contact_center"], accountProducts: ["contact_center"] }),
    );
    expect(granted.has("campaigns.view")).toBe(false);
    expect(granted.has("calls.comment")).toBe(true);
  });

  it("give the holder's rights to the holder alone, and closing only where a network can reopen", () => {
    const holderOfChild = effectivePermissions(facts({ role: "super_user", isHolder: true }));
    expect(holderOfChild.has("account.transfer_ownership")).toBe(true);
    expect(holderOfChild.has("account.close")).toBe(true);
    const holderOfNetwork = explainPermissions(facts({ role: "super_user", isHolder: true, accountType: "network" }));
    expect(holderOfNetwork.find((d) => d.key === "account.close")).toMatchObject({ granted: false, reason: "unavailable" });
    expect(effectivePermissions(facts({ role: "reporting", isHolder: true })).has("account.transfer_ownership")).toBe(true);
  });

  it("cannot be granted holder rights by an override", () => {
    const granted = effectivePermissions(facts({ role: "super_user", overrides: { "account.close": true } }));
    expect(granted.has("account.close")).toBe(false);
  });
});
