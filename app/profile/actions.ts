"use server";

// Every action here is built with selfAction(): it requires a live session and
// changes only the caller's own person, never anyone else's.

import { revalidatePath } from "next/cache";
import { updateProfile } from "@/db/queries/profile";
import { bumpSessionVersion } from "@/db/queries/users";
import { selfAction } from "@/lib/action";
import { assertCurrentPassword, changeOwnPassword, passwordAttempt } from "@/lib/auth/change-password";
import { confirmEnrolment, regenerateRecoveryCodes, startEnrolment, turnOffTwoFactor } from "@/lib/auth/two-factor";
import { twoFactorConfirmSchema, twoFactorPasswordSchema, twoFactorSetupSchema } from "@/lib/validation/two-factor";
import { reissueSessionToken } from "@/lib/auth/reissue-session";
import { notificationSettingsSchema } from "@/lib/validation/notification-settings";
import { changePasswordSchema, preferencesSchema, profileNameSchema, signOutElsewhereSchema } from "@/lib/validation/profile";
import { refuseCommonPassword } from "@/lib/validation/server-password";
import { recordAudit } from "@/lib/audit/record";

export const updateName = selfAction({
  input: profileNameSchema,
  async run({ input, session, tx }) {
    await updateProfile(tx, session.user.id, { name: input.name });
    // The header's user menu shows the name on every page.
    revalidatePath("/", "layout");
    return null;
  },
});

export const changePassword = selfAction({
  before: passwordAttempt,
  input: refuseCommonPassword(changePasswordSchema, "newPassword"),
  run: ({ input, session, tx }) => changeOwnPassword(tx, session.user.id, input),
  // Every other session ended with the change; this one carries on, with the
  // version this change set (not whatever is current: a later sign-out
  // everywhere must still end it).
  afterCommit: async ({ sessionVersion }, session) => {
    await reissueSessionToken(session.user.id, sessionVersion);
  },
});

export const signOutEverywhereElse = selfAction({
  input: signOutElsewhereSchema,
  async run({ session, tx }) {
    const sessionVersion = await bumpSessionVersion(session.user.id, tx);
    const self = { userId: session.user.id, email: session.user.email };
    await recordAudit(tx, { action: "auth.signed_out_everywhere", accountId: null, actor: self, target: { type: "person", id: self.userId, label: self.email } });
    return { sessionVersion };
  },
  // Every session ended, this browser's included; it alone carries on, with the new version.
  afterCommit: async ({ sessionVersion }, session) => {
    await reissueSessionToken(session.user.id, sessionVersion);
  },
});

// Two-factor changes need the current password again (ASVS 6.2), checked in the same transaction.
const self = (session: { user: { id: string; email: string } }) => ({ id: session.user.id, email: session.user.email });

export const beginTwoFactorSetup = selfAction({
  before: passwordAttempt,
  input: twoFactorSetupSchema,
  async run({ input, session, tx }) {
    await assertCurrentPassword(tx, session.user.id, input.currentPassword);
    return startEnrolment(self(session));
  },
});

export const confirmTwoFactorSetup = selfAction({
  before: passwordAttempt,
  input: twoFactorConfirmSchema,
  async run({ input, session, tx }) {
    await assertCurrentPassword(tx, session.user.id, input.currentPassword);
    const recoveryCodes = await confirmEnrolment(tx, self(session), input);
    revalidatePath("/profile");
    return { recoveryCodes };
  },
});

export const renewRecoveryCodes = selfAction({
  before: passwordAttempt,
  input: twoFactorPasswordSchema,
  async run({ input, session, tx }) {
    await assertCurrentPassword(tx, session.user.id, input.currentPassword);
    const recoveryCodes = await regenerateRecoveryCodes(tx, self(session));
    revalidatePath("/profile");
    return { recoveryCodes };
  },
});

export const turnOffOwnTwoFactor = selfAction({
  before: passwordAttempt,
  input: twoFactorPasswordSchema,
  async run({ input, session, tx }) {
    await assertCurrentPassword(tx, session.user.id, input.currentPassword);
    await turnOffTwoFactor(tx, self(session));
    revalidatePath("/profile");
    return null;
  },
});

export const updatePreferences = selfAction({
  input: preferencesSchema,
  async run({ input, session, tx }) {
    await updateProfile(tx, session.user.id, input);
    revalidatePath("/profile");
    return null;
  },
});

export const updateNotificationSettings = selfAction({
  input: notificationSettingsSchema,
  async run({ input, session, tx }) {
    await updateProfile(tx, session.user.id, { notificationSettings: input });
    revalidatePath("/profile");
    return null;
  },
});
