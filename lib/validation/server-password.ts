import type { z } from "zod";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { newPasswordSchema } from "./user";

// Server-only (the check reads the common-password list from disk), so it
// lives apart from lib/validation/user.ts, which browser forms import.
// Forms check the length; every server path that stores a password also
// refuses the common ones.

export const COMMON_PASSWORD_MESSAGE = "This password is too common. Choose one that is harder to guess.";

export const serverNewPasswordSchema = newPasswordSchema.refine((password) => !isCommonPassword(password), COMMON_PASSWORD_MESSAGE);

/**
 * A form's own schema, plus the common-password check on the field that holds
 * the new password: the server parses exactly what the form did, and more.
 */
export function refuseCommonPassword<Schema extends z.ZodType<Record<Field, string>>, Field extends string>(schema: Schema, field: Field) {
  return schema.superRefine((value, context) => {
    if (isCommonPassword(value[field])) context.addIssue({ code: "custom", path: [field], message: COMMON_PASSWORD_MESSAGE });
  });
}
