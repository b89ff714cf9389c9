import { z } from "zod";
import { PRODUCTS } from "@/lib/authz/products";
import { emailSchema, nameSchema } from "./user";

export const accountNameSchema = z
  .string({ error: "Enter an account name." })
  .trim()
  .min(2, "An account name has at least 2 characters.")
  .max(120, "An account name has at most 120 characters.")
  .refine((name) => /[\p{L}\p{N}]/u.test(name), "An account name needs at least one letter or digit.");

export const createNetworkAdminSchema = z.object({
  email: emailSchema,
  accountName: accountNameSchema,
  // Defaults to the part of the email before "@" until the person sets their own.
  name: nameSchema.optional(),
  products: z.array(z.enum(PRODUCTS)).min(1, "Give the account at least one product.").default([...PRODUCTS]),
});

export type CreateNetworkAdminInput = z.input<typeof createNetworkAdminSchema>;

const productsSchema = z
  .array(z.enum(PRODUCTS, { error: "Choose Marketing or Contact Center." }))
  .min(1, "Keep at least one product.")
  .transform((products) => [...new Set(products)]);

export const INVITE_TTL_MAX_DAYS = 30;

export const accountInfoSchema = z.object({
  name: accountNameSchema,
  products: productsSchema,
  // How long invitation links work; sent links keep the expiry they were sent with.
  inviteTtlDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(1, "Invitations work for at least 1 day.")
    .max(INVITE_TTL_MAX_DAYS, `Invitations work for at most ${INVITE_TTL_MAX_DAYS} days.`),
  // The account's updatedAt when the form was opened: a stale form is refused, not applied.
  expectedUpdatedAt: z.iso.datetime({ offset: true, error: "Reload the page and try again." }),
});
export type AccountInfoInput = z.input<typeof accountInfoSchema>;

export const transferOwnershipSchema = z.object({
  newHolderUserId: z.uuid({ error: "Choose the Super User who becomes the account holder." }),
});
export type TransferOwnershipInput = z.input<typeof transferOwnershipSchema>;

export const closeAccountSchema = z.object({
  confirmation: z.string({ error: "Type the account's name to confirm." }).max(200, "Type the account's name to confirm."),
});
export const reopenAccountSchema = z.object({});
