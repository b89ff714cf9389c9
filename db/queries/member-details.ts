import { eq } from "drizzle-orm";
import { parseOverrides } from "@/lib/authz/effective";
import { dataFilterSchema } from "@/lib/authz/data-filter";
import { notificationSettingsOf } from "@/lib/notifications/kinds";
import { db } from "../client";
import { memberships, users, type Account } from "../schema";
import { findMember } from "./members";

/**
 * One member as the edit dialog needs them, or undefined when the list would
 * not show them: the scope is findMember's, so the two cannot disagree.
 */
export async function findMemberDetail(account: Pick<Account, "id" | "parentId">, membershipId: string) {
  const member = await findMember(account, membershipId);
  if (!member) return undefined;
  const [row] = await db()
    .select({
      version: memberships.version,
      overrides: memberships.overrides,
      dataFilter: memberships.dataFilter,
      phone: users.phone,
      timeZone: users.timeZone,
      dateFormat: users.dateFormat,
      landingPage: users.landingPage,
      notificationSettings: users.notificationSettings,
      twoFactorEnabledAt: users.twoFactorEnabledAt,
      twoFactorRequired: memberships.twoFactorRequired,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.id, membershipId));
  if (!row) return undefined;
  const filter = dataFilterSchema.safeParse(row.dataFilter);
  // An invitee may already be someone elsewhere: their own details stay theirs until they accept.
  const person = member.status === "invited" ? undefined : row;
  return {
    ...member,
    version: row.version,
    overrides: parseOverrides(row.overrides),
    dataFilter: filter.success ? filter.data : null,
    phone: person?.phone ?? null,
    timeZone: person?.timeZone ?? null,
    dateFormat: person?.dateFormat ?? null,
    landingPage: person?.landingPage ?? null,
    notificationSettings: notificationSettingsOf(person?.notificationSettings ?? null),
    twoFactorEnabled: person?.twoFactorEnabledAt != null,
    twoFactorRequired: row.twoFactorRequired,
  };
}
