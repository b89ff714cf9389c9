import { pgEnum } from "drizzle-orm/pg-core";
import { ROLES } from "@/lib/authz/roles";
import { PRODUCTS } from "@/lib/authz/products";
import { ACCOUNT_TYPES } from "@/lib/account-types";

export const accountType = pgEnum("account_type", ACCOUNT_TYPES);
// Products an account has double as the licenses a member can be given.
export const product = pgEnum("product", PRODUCTS);
export const role = pgEnum("role", ROLES);
export const membershipStatus = pgEnum("membership_status", ["active", "deactivated"]);
export const passwordTokenPurpose = pgEnum("password_token_purpose", ["set_password", "reset_password"]);
