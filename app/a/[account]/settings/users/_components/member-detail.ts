import type { DataFilter } from "@/lib/authz/data-filter";
import type { Overrides } from "@/lib/authz/effective";
import type { Product } from "@/lib/authz/products";
import type { Role } from "@/lib/authz/roles";
import type { NotificationSettings } from "@/lib/notifications/kinds";

/** What the edit dialog shows of one member; loaded on the server for ?edit=<membership id>. */
export type MemberDetail = {
  membershipId: string;
  version: number;
  status: "active" | "deactivated" | "invited";
  name: string;
  email: string;
  phone: string | null;
  role: Role;
  licenses: Product[];
  overrides: Overrides;
  dataFilter: DataFilter | null;
  twoFactorEnabled: boolean;
  // This member must use a second factor, whatever the account requires.
  twoFactorRequired: boolean;
  timeZone: string | null;
  dateFormat: string | null;
  landingPage: string | null;
  notificationSettings: NotificationSettings;
};
