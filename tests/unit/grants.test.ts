import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCOUNT_TYPES } from "@/lib/account-types";
import { effectivePermissions, type AccessFacts, type Overrides } from "@/lib/authz/effective";
import { grantProblems, type Grantor } from "@/lib/authz/grants";
import { PERMISSION_KEYS } from "@/lib/authz/permissions";
import { PRODUCTS } from "@/lib/authz/products";
import { ROLES, roleRank } from "@/lib/authz/roles";

const role = fc.constantFrom(...ROLES);
const products = fc.subarray([...PRODUCTS], { minLength: 1 });
const overrides: fc.Arbitrary<Overrides> = fc.dictionary(fc.constantFrom(...PERMISSION_KEYS), fc.boolean(), { maxKeys: 8 });
const facts: fc.Arbitrary<AccessFacts> = fc.record({
  role,
  licenses: products,
  overrides,
  accountType: fc.constantFrom(...ACCOUNT_TYPES),
  accountProducts: products,
  isHolder: fc.boolean(),
});

const grantorFrom = (f: AccessFacts): Grantor => ({ userId: "grantor", role: f.role, permissions: effectivePermissions(f) });

describe("granting access", () => {
  it("never gives anything beyond the grantor's own permissions", () => {
    fc.assert(
      fc.property(facts, role, products, overrides, (grantorFacts, grantRole, licenses, grantOverrides) => {
        const grant = { role: grantRole, licenses, overrides: grantOverrides };
        const target = { userId: "target", accountType: grantorFacts.accountType, accountProducts: grantorFacts.accountProducts };
        if (grantProblems(grantorFrom(grantorFacts), grant, target).length > 0) return;
        const granted = effectivePermissions({ ...grant, ...target, isHolder: false });
        const grantor = grantorFrom(grantorFacts);
        expect([...granted].filter((key) => !grantor.permissions.has(key))).toEqual([]);
        expect(roleRank(grantRole)).toBeLessThanOrEqual(roleRank(grantorFacts.role));
      }),
      { numRuns: 2_000 },
    );
  });

  it("refuses a role above the grantor's, a toggle they lack, and changes to oneself", () => {
    const manager = grantorFrom({
      role: "manager",
      licenses: ["contact_center"],
      overrides: {},
      accountType: "advertiser",
      accountProducts: ["marketing", "contact_center"],
      isHolder: false,
    });
    const target = { userId: "someone", accountType: "advertiser" as const, accountProducts: ["marketing" as const, "contact_center" as const] };
    const fields = (grant: Parameters<typeof grantProblems>[1], to = target) => grantProblems(manager, grant, to).map((p) => p.field);

    expect(fields({ role: "super_user", licenses: ["contact_center"], overrides: {} })).toContain("role");
    expect(fields({ role: "member", licenses: ["contact_center"], overrides: { "users.edit": true } })).toContain("overrides.users.edit");
    // A Manager without Marketing cannot hand out Marketing's campaign rights through a license.
    expect(fields({ role: "member", licenses: ["marketing"], overrides: {} })).toEqual(["form"]);
    expect(fields({ role: "member", licenses: ["contact_center"], overrides: {} })).toEqual([]);
    expect(fields({ role: "observer", licenses: ["contact_center"], overrides: {} }, { ...target, userId: "grantor" })).toEqual(["form"]);
    expect(fields({ role: "observer", licenses: [], overrides: {} })).toContain("licenses");
    expect(
      fields({ role: "observer", licenses: ["contact_center"], overrides: {} }, { ...target, accountProducts: ["marketing"] }),
    ).toContain("licenses");
  });
});

describe("effective permissions are monotonic", () => {
  it("lowering a role never adds a permission", () => {
    fc.assert(
      fc.property(facts, role, (f, other) => {
        const [low, high] = roleRank(other) <= roleRank(f.role) ? [other, f.role] : [f.role, other];
        const lower = effectivePermissions({ ...f, role: low });
        const higher = effectivePermissions({ ...f, role: high });
        expect([...lower].filter((key) => !higher.has(key))).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });

  it("removing a granting toggle or a license never adds a permission", () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...PERMISSION_KEYS), fc.constantFrom(...PRODUCTS), (f, key, license) => {
        const before = effectivePermissions(f);
        const withoutGrant = { ...f.overrides };
        if (withoutGrant[key] === true) delete withoutGrant[key];
        const afterToggle = effectivePermissions({ ...f, overrides: withoutGrant });
        const afterLicense = effectivePermissions({ ...f, licenses: f.licenses.filter((l) => l !== license) });
        expect([...afterToggle].filter((k) => !before.has(k))).toEqual([]);
        expect([...afterLicense].filter((k) => !before.has(k))).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });
});
