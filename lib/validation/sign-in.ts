import { z } from "zod";
import { emailSchema, newPasswordSchema, PASSWORD_MAX_LENGTH } from "./user";

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX_LENGTH, "Email or password is incorrect."),
  callbackUrl: z.string().max(2048).optional(),
});

export type SignInInput = z.input<typeof signInSchema>;

export const setPasswordSchema = z
  .object({
    token: z.string().min(1).max(200),
    password: newPasswordSchema,
    confirmPassword: z.string({ error: "Repeat the password." }).min(1, "Repeat the password."),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
  });

export type SetPasswordInput = z.input<typeof setPasswordSchema>;
