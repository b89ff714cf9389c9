import { z } from "zod";

// RFC 5321 caps an address at 254 characters in practice.
export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 12;
// argon2 hashes any length, but a cap keeps a multi-megabyte "password" from
// being hashed on every attempt.
export const PASSWORD_MAX_LENGTH = 256;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(EMAIL_MAX_LENGTH, `An email address has at most ${EMAIL_MAX_LENGTH} characters.`)
  .pipe(z.email("Enter a valid email address, like name@example.com."))
  .transform(normalizeEmail);

export const nameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(200, "A name has at most 200 characters.");

export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

/** The password someone types to prove who they are (not a new one: any length they once chose). */
export const currentPasswordSchema = z
  .string({ error: "Enter your current password." })
  .min(1, "Enter your current password.")
  .max(PASSWORD_MAX_LENGTH, "Your current password is not correct.");

export const confirmPasswordSchema = z.string({ error: "Repeat the password." }).min(1, "Repeat the password.");

export const PASSWORDS_DIFFER_MESSAGE = "The two passwords do not match.";

export const forgotPasswordSchema = z.object({ email: emailSchema });

export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;
