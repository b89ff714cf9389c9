import { z } from "zod";
import { currentPasswordSchema } from "./user";

// A 6-digit code or a recovery code (xxxxx-xxxxx); the checks say which and whether it is right.
const code = z.string({ error: "Enter the code." }).trim().min(1, "Enter the code.").max(32, "That is not a code.");
const pending = z.string().min(1).max(1_000);

export const secondFactorSchema = z.object({ code });
export const signInEnrolmentSchema = z.object({ pending, code });
export const twoFactorSetupSchema = z.object({ currentPassword: currentPasswordSchema });
export const twoFactorConfirmSchema = z.object({ currentPassword: currentPasswordSchema, pending, code });
export const twoFactorPasswordSchema = z.object({ currentPassword: currentPasswordSchema });

export type SecondFactorInput = z.input<typeof secondFactorSchema>;

export const memberTwoFactorRequirementSchema = z.object({ membershipId: z.uuid({ error: "Unknown member." }), required: z.boolean() });
export const accountTwoFactorRequirementSchema = z.object({ required: z.boolean() });
