import { pgEnum } from "drizzle-orm/pg-core";
import { ROLES } from "@/lib/authz/roles";
import { PRODUCTS } from "@/lib/authz/products";
import { ACCOUNT_TYPES } from "@/lib/account-types";

export const accountType = pgEnum("account_type", ACCOUNT_TYPES);
// Products an account has double as the licenses a member can be given.
export const product = pgEnum("product", PRODUCTS);
export const role = pgEnum("role", ROLES);
// "invited" memberships grant nothing: every access query asks for "active".
export const membershipStatus = pgEnum("membership_status", ["active", "deactivated", "invited"]);
// Why an invitation link stopped working, so its page can say what to do next.
export const invitationEnd = pgEnum("invitation_end", ["accepted", "replaced", "revoked", "email_changed", "void"]);
export const emailStatus = pgEnum("email_status", ["queued", "sent", "failed", "outbox"]);
export const passwordTokenPurpose = pgEnum("password_token_purpose", ["set_password", "reset_password"]);
