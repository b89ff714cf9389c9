import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/action-error";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { setPasswordSchema } from "@/lib/validation/sign-in";
import { COMMON_PASSWORD_MESSAGE, refuseCommonPassword, serverNewPasswordSchema } from "@/lib/validation/server-password";

describe("common passwords", () => {
  it("finds listed passwords whatever their case", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("1qaz2wsx3edc")).toBe(true);
    expect(isCommonPassword("1QAZ2WSX3EDC")).toBe(true);
    expect(isCommonPassword("PassWord")).toBe(true);
  });

  it("lets an uncommon passphrase through, and the empty string is not a listed password", () => {
    expect(isCommonPassword("violet harbour lantern")).toBe(false);
    expect(isCommonPassword("")).toBe(false);
  });
});

describe("the server's new-password schema", () => {
  it("adds the common-password refusal to the length rules", () => {
    expect(serverNewPasswordSchema.safeParse("123qweasdzxc").error?.issues[0]?.message).toBe(COMMON_PASSWORD_MESSAGE);
    expect(serverNewPasswordSchema.safeParse("short").error?.issues[0]?.message).toBe("Use at least 12 characters.");
    expect(serverNewPasswordSchema.safeParse("violet harbour lantern").success).toBe(true);
  });

  it("puts the refusal on the form's password field, beside the form's own checks", () => {
    const schema = refuseCommonPassword(setPasswordSchema, "password");
    const errorsOf = (input: unknown) => {
      const result = schema.safeParse(input);
      return result.success ? {} : fieldErrorsOf(result.error);
    };
    expect(errorsOf({ token: "t", password: "1q2w3e4r5t6y", confirmPassword: "1q2w3e4r5t6y" })).toEqual({ password: COMMON_PASSWORD_MESSAGE });
    expect(errorsOf({ token: "t", password: "1q2w3e4r5t6y", confirmPassword: "other" })).toEqual({
      password: COMMON_PASSWORD_MESSAGE,
      confirmPassword: "The two passwords do not match.",
    });
    expect(errorsOf({ token: "t", password: "violet harbour lantern", confirmPassword: "violet harbour lantern" })).toEqual({});
  });
});
