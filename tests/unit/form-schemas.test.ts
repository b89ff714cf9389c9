import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/action-error";
import { accountInfoSchema, closeAccountSchema, transferOwnershipSchema } from "@/lib/validation/account";
import { presetSchema } from "@/lib/validation/access";
import { setPasswordSchema } from "@/lib/validation/sign-in";

// Every form's schema is shared by the browser and the server action: what it
// refuses here is refused on both sides, with the message the field shows.
const errorsOf = (schema: { safeParse(input: unknown): { success: boolean; error?: unknown } }, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error as never);
};

describe("set-password form", () => {
  it("refuses short, over-long and mismatched passwords field by field", () => {
    expect(errorsOf(setPasswordSchema, { token: "t", password: "short", confirmPassword: "short" })).toEqual({
      password: "Use at least 12 characters.",
    });
    expect(errorsOf(setPasswordSchema, { token: "t", password: "x".repeat(10_000), confirmPassword: "x" })).toHaveProperty("password");
    expect(errorsOf(setPasswordSchema, { token: "t", password: "long enough pass", confirmPassword: "long enough pas" })).toEqual({
      confirmPassword: "The two passwords do not match.",
    });
    expect(errorsOf(setPasswordSchema, { token: "", password: "long enough pass", confirmPassword: "long enough pass" })).toHaveProperty("token");
  });
});

describe("account forms", () => {
  const valid = { name: "Bright Dental", products: ["marketing"], inviteTtlDays: 7, expectedUpdatedAt: "2026-11-23T10:00:00.000Z" };

  it("refuse a bad name, no products, an unknown product and a missing version", () => {
    expect(errorsOf(accountInfoSchema, valid)).toEqual({});
    expect(errorsOf(accountInfoSchema, { ...valid, name: "x".repeat(10_000) })).toHaveProperty("name");
    expect(errorsOf(accountInfoSchema, { ...valid, products: [] })).toEqual({ products: "Keep at least one product." });
    expect(errorsOf(accountInfoSchema, { ...valid, products: ["voice"] })).toHaveProperty("products.0");
    expect(errorsOf(accountInfoSchema, { ...valid, inviteTtlDays: "31" })).toEqual({ inviteTtlDays: "Invitations work for at most 30 days." });
    expect(errorsOf(accountInfoSchema, { ...valid, inviteTtlDays: "0" })).toEqual({ inviteTtlDays: "Invitations work for at least 1 day." });
    expect(errorsOf(accountInfoSchema, { ...valid, inviteTtlDays: "two" })).toHaveProperty("inviteTtlDays");
    expect(errorsOf(accountInfoSchema, { ...valid, expectedUpdatedAt: "yesterday" })).toEqual({
      expectedUpdatedAt: "Reload the page and try again.",
    });
  });

  it("refuse a new holder that is not an id, and an over-long confirmation", () => {
    expect(errorsOf(transferOwnershipSchema, { newHolderUserId: "'; drop table accounts" })).toHaveProperty("newHolderUserId");
    expect(errorsOf(closeAccountSchema, { confirmation: "x".repeat(500) })).toHaveProperty("confirmation");
  });
});

describe("preset form", () => {
  it("refuses an empty name, an unknown role, no licenses and unknown permissions", () => {
    const errors = errorsOf(presetSchema, { name: " ", role: "admin", licenses: [], overrides: { "no.such": true } });
    expect(Object.keys(errors).sort()).toEqual(["licenses", "name", "overrides", "role"]);
  });
});
