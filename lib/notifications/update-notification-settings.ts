import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { updateProfile } from "@/db/queries/profile";
import { users } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import { STALE_FORM, type Actor } from "@/lib/members/membership-guards";
import { lockPersonOfMember } from "@/lib/members/update-person";
import { notificationSettingsOf, type NotificationSettings } from "./kinds";

/**
 * An admin sets how a member is told about things. The settings are the
 * person's, in every account, so only an admin whose reach covers all of
 * their memberships may, and a save over the person's own change since the
 * form opened (`original` is what it showed) is refused.
 */
export async function updateMemberNotificationSettings(
  tx: Transaction,
  actor: Actor,
  change: { membershipId: string; settings: NotificationSettings; original: NotificationSettings },
): Promise<void> {
  const membership = await lockPersonOfMember(tx, actor, change.membershipId);
  const [person] = await tx.select({ settings: users.notificationSettings }).from(users).where(eq(users.id, membership.userId));
  if (JSON.stringify(notificationSettingsOf(person!.settings)) !== JSON.stringify(notificationSettingsOf(change.original))) throw new ActionError(STALE_FORM);
  await updateProfile(tx, membership.userId, { notificationSettings: change.settings });
}
