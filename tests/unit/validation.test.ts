import { describe, expect, it } from "vitest";
import { isAccountSlug, isUuid, slugify } from "@/lib/validation/ids";
import { signInSchema } from "@/lib/validation/sign-in";
import { createNetworkAdminSchema } from "@/lib/validation/account";
import { emailSchema, newPasswordSchema, normalizeEmail } from "@/lib/validation/user";

describe("email", () => {
  it("normalizes case and surrounding spaces", () => {
    expect(normalizeEmail("  Dana.Kim@Example.COM ")).toBe("dana.kim@example.com");
    expect(emailSchema.parse(" Dana@Example.com")).toBe("dana@example.com");
  });

  it("explains what is wrong with a bad address", () => {
    expect(emailSchema.safeParse("").error?.issues[0]?.message).toBe("Enter an email address.");
    expect(emailSchema.safeParse("dana@").error?.issues[0]?.message).toMatch(/valid email/);
    expect(emailSchema.safeParse(`${"a".repeat(250)}@x.io`).error?.issues[0]?.message).toMatch(/at most 254/);
  });
});

describe("passwords", () => {
  it("requires a length between 12 and 256 characters for a new password", () => {
    expect(newPasswordSchema.safeParse("short").success).toBe(false);
    expect(newPasswordSchema.safeParse("correct horse battery").success).toBe(true);
    expect(newPasswordSchema.safeParse("x".repeat(257)).success).toBe(false);
  });

  it("refuses an over-long sign-in password before any hashing", () => {
    const result = signInSchema.safeParse({ email: "a@b.co", password: "x".repeat(4096) });
    expect(result.success).toBe(false);
  });
});

describe("identifiers", () => {
  it("recognizes UUIDs and account slugs", () => {
    expect(isUuid("6335d344-a884-46b2-a3a1-6eab8de73dce")).toBe(true);
    expect(isUuid("6335d344")).toBe(false);
    expect(isAccountSlug("bright-dental")).toBe(true);
    expect(isAccountSlug("Bright-Dental")).toBe(false);
    expect(isAccountSlug("bright--dental")).toBe(false);
    expect(isAccountSlug("-acme")).toBe(false);
    expect(isAccountSlug("a".repeat(64))).toBe(false);
  });

  it("makes slugs from account names", () => {
    expect(slugify("Bright Dental, Inc.")).toBe("bright-dental-inc");
    expect(slugify("  Café Élan  ")).toBe("cafe-elan");
    expect(slugify("!!!")).toBe("");
    expect(isAccountSlug(slugify(`${"Long name ".repeat(20)}`))).toBe(true);
  });
});

describe("create-admin input", () => {
  it("defaults to both products and refuses an unknown one", () => {
    expect(createNetworkAdminSchema.parse({ email: "a@b.co", accountName: "Acme" }).products).toEqual([
      "marketing",
      "contact_center",
    ]);
    expect(createNetworkAdminSchema.safeParse({ email: "a@b.co", accountName: "Acme", products: ["voice"] }).success).toBe(false);
    expect(createNetworkAdminSchema.safeParse({ email: "a@b.co", accountName: "!!" }).success).toBe(false);
  });
});
