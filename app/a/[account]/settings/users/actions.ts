"use server";

// Every action here is built with accountAction(), which runs authorize() for
// the account and permission before anything is parsed or written. Actions on
// the person as a whole also need the admin's reach to cover all of the
// person's memberships (lockPersonOfMember).

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { updateProfile } from "@/db/queries/profile";
import { bumpSessionVersion } from "@/db/queries/users";
import { users } from "@/db/schema";
import { accountAction, ActionError } from "@/lib/action";
import { issuePasswordReset } from "@/lib/auth/password-reset";
import type { AccessContext } from "@/lib/authz/authorize";
import { deliverSoon } from "@/lib/email/send";
import { inviteMember } from "@/lib/invitations/invite-member";
import { changeInvitee, renewInvitation, revokeInvitation } from "@/lib/invitations/manage-invitation";
import { announceAccessChange } from "@/lib/members/announce-access-change";
import { changeMemberAccess } from "@/lib/members/change-member-access";
import { changeMemberStatus } from "@/lib/members/change-member-status";
import { removeMember } from "@/lib/members/remove-member";
import { STALE_FORM } from "@/lib/members/membership-guards";
import { lockPersonOfMember, updatePersonInfo } from "@/lib/members/update-person";
import { inviteeSchema, inviteSchema, memberAccessSchema, memberInfoSchema, membershipRefSchema } from "@/lib/validation/invite";
import { updateMemberNotificationSettings as changeMemberNotificationSettings } from "@/lib/notifications/update-notification-settings";
import { memberNotificationSettingsSchema } from "@/lib/validation/notification-settings";
import { memberPreferencesSchema, preferencesFormValues } from "@/lib/validation/profile";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { resetMemberTwoFactor, setMemberTwoFactorRequired } from "@/lib/members/member-two-factor";
import { memberTwoFactorRequirementSchema } from "@/lib/validation/two-factor";

const refreshUsersPage = (access: AccessContext) => revalidatePath(`/a/${access.account.slug}/settings/users`);
// Emails are queued inside the transaction and handed to delivery once it committed.
const deliverQueued = async (data: { emailId?: string }) => (data.emailId ? deliverSoon([data.emailId]) : undefined);

export const inviteUser = accountAction({
  input: inviteSchema,
  permission: "users.invite",
  async run({ input, access, tx }) {
    const { membershipId, emailId, expiresAt } = await inviteMember(tx, access, input);
    refreshUsersPage(access);
    return { membershipId, emailId, expiresAt: expiresAt.toISOString() };
  },
  afterCommit: deliverQueued,
});

export const resendInvite = accountAction({
  input: membershipRefSchema,
  permission: "users.invite",
  async run({ input, access, tx }) {
    const { emailId, expiresAt } = await renewInvitation(tx, access, input.membershipId, "email");
    refreshUsersPage(access);
    return { emailId, expiresAt: expiresAt.toISOString() };
  },
  afterCommit: deliverQueued,
});

export const copyInviteLink = accountAction({
  input: membershipRefSchema,
  permission: "users.invite",
  async run({ input, access, tx }) {
    const { inviteUrl, expiresAt } = await renewInvitation(tx, access, input.membershipId, "copy");
    refreshUsersPage(access);
    return { inviteUrl, expiresAt: expiresAt.toISOString() };
  },
});

export const revokeInvite = accountAction({
  input: membershipRefSchema,
  permission: "users.invite",
  async run({ input, access, tx }) {
    await revokeInvitation(tx, access, input.membershipId);
    refreshUsersPage(access);
    return null;
  },
});

export const deactivateMember = accountAction({
  input: membershipRefSchema,
  permission: "users.edit",
  async run({ input, access, tx }) {
    await changeMemberStatus(tx, access, input.membershipId, "deactivated");
    refreshUsersPage(access);
    return null;
  },
});

export const reactivateMember = accountAction({
  input: membershipRefSchema,
  permission: "users.edit",
  async run({ input, access, tx }) {
    await changeMemberStatus(tx, access, input.membershipId, "active");
    refreshUsersPage(access);
    return null;
  },
});

export const deleteMember = accountAction({
  input: membershipRefSchema,
  permission: "users.delete",
  async run({ input, access, tx }) {
    await removeMember(tx, access, input.membershipId);
    refreshUsersPage(access);
    return null;
  },
});

export const sendPasswordReset = accountAction({
  input: membershipRefSchema,
  permission: "users.edit",
  async run({ input, access, tx }) {
    const membership = await lockPersonOfMember(tx, access, input.membershipId);
    const [person] = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, membership.userId));
    const emailId = await issuePasswordReset(tx, person!);
    await recordAudit(tx, { action: "member.password_reset_sent", accountId: access.account.id, actor: auditActor(access), target: { type: "person", id: person!.id, label: person!.email } });
    return { emailId };
  },
  afterCommit: deliverQueued,
});

export const signOutMemberEverywhere = accountAction({
  input: membershipRefSchema,
  permission: "users.edit",
  async run({ input, access, tx }) {
    const membership = await lockPersonOfMember(tx, access, input.membershipId);
    await bumpSessionVersion(membership.userId, tx);
    await recordAudit(tx, { action: "member.signed_out", accountId: access.account.id, actor: auditActor(access), target: { type: "person", id: membership.userId, label: membership.sortEmail } });
    return null;
  },
});

export const resetTwoFactor = accountAction({
  input: membershipRefSchema,
  permission: "account.manage_two_factor",
  async run({ input, access, tx }) {
    await resetMemberTwoFactor(tx, access, input.membershipId);
    refreshUsersPage(access);
    return null;
  },
});

export const setTwoFactorRequirement = accountAction({
  input: memberTwoFactorRequirementSchema,
  permission: "account.manage_two_factor",
  async run({ input, access, tx }) {
    await setMemberTwoFactorRequired(tx, access, input.membershipId, input.required);
    refreshUsersPage(access);
    return null;
  },
});

export const updateMemberInfo = accountAction({
  input: memberInfoSchema,
  permission: "users.edit",
  async run({ input, access, tx }) {
    const { membershipId, original, ...info } = input;
    await updatePersonInfo(tx, access, membershipId, info, original);
    refreshUsersPage(access);
    return null;
  },
});

export const updateInvitee = accountAction({
  input: inviteeSchema,
  permission: "users.invite",
  async run({ input, access, tx }) {
    const { membershipId, ...invitee } = input;
    const reissued = await changeInvitee(tx, access, membershipId, invitee);
    refreshUsersPage(access);
    return { emailId: reissued?.emailId };
  },
  afterCommit: deliverQueued,
});

export const updateMemberAccess = accountAction({
  input: memberAccessSchema,
  permission: "users.edit",
  async run({ input, access, tx }) {
    const { membershipId, expectedVersion, ...grant } = input;
    const { before, after } = await changeMemberAccess(tx, access, { membershipId, expectedVersion, ...grant });
    refreshUsersPage(access);
    return { version: after.version, emailId: await announceAccessChange(tx, access, before, after) };
  },
  afterCommit: deliverQueued,
});

export const updateMemberPreferences = accountAction({
  input: memberPreferencesSchema,
  permission: "users.edit",
  async run({ input, access, tx }) {
    const { membershipId, original, ...preferences } = input;
    const membership = await lockPersonOfMember(tx, access, membershipId);
    const [person] = await tx
      .select({ timeZone: users.timeZone, dateFormat: users.dateFormat, landingPage: users.landingPage })
      .from(users)
      .where(eq(users.id, membership.userId));
    // The person may have changed them on their profile since this form opened.
    if (JSON.stringify(preferencesFormValues(person!)) !== JSON.stringify(original)) throw new ActionError(STALE_FORM);
    await updateProfile(tx, membership.userId, preferences);
    // The open dialog re-renders with what is now stored, so a second save is not taken for a stale one.
    refreshUsersPage(access);
    return null;
  },
});

export const updateMemberNotificationSettings = accountAction({
  input: memberNotificationSettingsSchema,
  permission: "users.edit",
  async run({ input, access, tx }) {
    await changeMemberNotificationSettings(tx, access, input);
    refreshUsersPage(access);
    return null;
  },
});
