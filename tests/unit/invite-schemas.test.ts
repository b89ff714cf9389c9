import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/action-error";
import { accessChangeLines, describeAccessChange } from "@/lib/authz/access-change";
import { acceptAsNewPersonSchema } from "@/lib/validation/accept-invite";
import { inviteSchema, memberAccessSchema, memberInfoSchema } from "@/lib/validation/invite";

const errorsOf = (schema: { safeParse(input: unknown): { success: boolean; error?: unknown } }, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error as never);
};

const validInvite = { email: "dana@example.com", name: "Dana Kim", role: "observer", licenses: ["marketing"] };
const MEMBERSHIP_ID = "9b2f3c1e-4d5a-4b6c-8d7e-0f1a2b3c4d5e";

describe("invite form", () => {
  it("normalizes an email typed with spaces and capitals", () => {
    expect(inviteSchema.parse({ ...validInvite, email: "  Dana.Kim@Example.COM " }).email).toBe("dana.kim@example.com");
  });

  it("refuses an invalid email, a 10 KB name, an unknown role and no license, field by field", () => {
    expect(errorsOf(inviteSchema, { ...validInvite, email: "dana at example" })).toEqual({ email: "Enter a valid email address, like name@example.com." });
    expect(errorsOf(inviteSchema, { ...validInvite, name: "x".repeat(10_240) })).toEqual({ name: "A name has at most 200 characters." });
    expect(errorsOf(inviteSchema, { ...validInvite, role: "owner" })).toEqual({ role: "Choose a role." });
    expect(errorsOf(inviteSchema, { ...validInvite, licenses: [] })).toEqual({ licenses: "Choose at least one license." });
    expect(errorsOf(inviteSchema, { ...validInvite, overrides: { "no.such": true } })).toHaveProperty("overrides");
  });

  it("drops a repeated license", () => {
    expect(inviteSchema.parse({ ...validInvite, licenses: ["marketing", "marketing"] }).licenses).toEqual(["marketing"]);
  });
});

describe("edit dialog forms", () => {
  it("need what the form showed when it opened", () => {
    const info = { membershipId: MEMBERSHIP_ID, name: "Dana", email: "dana@example.com", phone: "" };
    expect(errorsOf(memberInfoSchema, info)).toEqual({ original: "Reload the page and try again." });
    const access = { membershipId: MEMBERSHIP_ID, role: "member", licenses: ["marketing"] };
    expect(errorsOf(memberAccessSchema, access)).toHaveProperty("expectedVersion");
    expect(errorsOf(memberAccessSchema, { ...access, expectedVersion: 3 })).toEqual({});
  });

  it("refuse a malformed data filter and a phone number with letters", () => {
    const access = { membershipId: MEMBERSHIP_ID, expectedVersion: 1, role: "filtered_reporting", licenses: ["marketing"] };
    expect(errorsOf(memberAccessSchema, { ...access, dataFilter: { category: "Location!", values: [] } })).toMatchObject({
      "dataFilter.category": expect.any(String),
      "dataFilter.values": "Allow at least one value.",
    });
    const info = { membershipId: MEMBERSHIP_ID, name: "Dana", email: "dana@example.com", original: { name: "Dana", email: "dana@example.com", phone: null } };
    expect(errorsOf(memberInfoSchema, { ...info, phone: "call me" })).toEqual({ phone: "Use digits, spaces and + ( ) - . / only." });
    expect(memberInfoSchema.parse({ ...info, phone: "  " }).phone).toBeNull();
  });
});

describe("accepting an invitation", () => {
  it("needs a name and a password of 12 to 256 characters", () => {
    expect(errorsOf(acceptAsNewPersonSchema, { token: "t", name: "", password: "short" })).toEqual({
      name: "Enter a name.",
      password: "Use at least 12 characters.",
    });
    expect(errorsOf(acceptAsNewPersonSchema, { token: "t", name: "N", password: "x".repeat(257) })).toEqual({ password: "Use at most 256 characters." });
  });
});

describe("describing an access change", () => {
  const account = { type: "network" as const, products: ["marketing", "contact_center"] as ("marketing" | "contact_center")[] };

  it("names the role change and the permissions it grants and removes", () => {
    const change = describeAccessChange(
      { role: "observer", licenses: ["marketing"], overrides: {} },
      { role: "manager", licenses: ["marketing"], overrides: {} },
      account,
    );
    expect(change.role).toBe("Observer → Manager");
    expect(change.grants).toContain("Invite users");
    expect(change.removes).toEqual([]);
    expect(accessChangeLines(change)[0]).toBe("Role: Observer → Manager");
  });

  it("says nothing changed when nothing did, whatever the license order", () => {
    const grant = { role: "member" as const, licenses: ["marketing", "contact_center"] as ("marketing" | "contact_center")[], overrides: {} };
    const same = describeAccessChange(grant, { ...grant, licenses: ["contact_center", "marketing"] }, account);
    expect(accessChangeLines(same)).toEqual([]);
  });
});
