import { z } from "zod";
import { nameSchema, newPasswordSchema } from "./user";

const tokenSchema = z.string().min(1).max(200);

// A new person names themselves and chooses a password; someone who already
// has a login proves it with their password. Forms and actions share these.
export const acceptAsNewPersonSchema = z.object({ token: tokenSchema, name: nameSchema, password: newPasswordSchema });
export const acceptAsExistingPersonSchema = z.object({
  token: tokenSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(256, "Use at most 256 characters."),
});
export const acceptAsSignedInSchema = z.object({ token: tokenSchema });

export type AcceptAsNewPersonInput = z.input<typeof acceptAsNewPersonSchema>;
export type AcceptAsExistingPersonInput = z.input<typeof acceptAsExistingPersonSchema>;
