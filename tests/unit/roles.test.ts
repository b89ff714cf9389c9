import { describe, expect, it } from "vitest";
import { isRole, ROLE_LABELS, roleAtLeast, roleRank, ROLES } from "@/lib/authz/roles";

describe("roles", () => {
  it("rank lowest first, Filtered Reporting below Reporting", () => {
    expect(ROLES.map((role) => ROLE_LABELS[role])).toEqual([
      "Filtered Reporting",
      "Reporting",
      "Observer",
      "Member",
      "Manager",
      "Super User",
    ]);
    expect(roleRank("filtered_reporting")).toBeLessThan(roleRank("reporting"));
  });

  it("include the rights of the roles below", () => {
    expect(roleAtLeast("super_user", "manager")).toBe(true);
    expect(roleAtLeast("manager", "manager")).toBe(true);
    expect(roleAtLeast("observer", "member")).toBe(false);
  });

  it("recognizes only catalogue roles", () => {
    expect(isRole("manager")).toBe(true);
    expect(isRole("admin")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
