import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { findProfile, listOwnMemberships } from "@/db/queries/profile";
import { requireSession } from "@/lib/auth/require-session";
import { preferencesFormValues, supportedTimeZones } from "@/lib/validation/profile";
import { NotificationSettingsForm } from "@/app/_components/forms/notification-settings-form";
import { PreferencesForm } from "@/app/_components/forms/preferences-form";
import { notificationSettingsOf } from "@/lib/notifications/kinds";
import { updateNotificationSettings, updatePreferences } from "./actions";
import { AccountList } from "./_components/account-list";
import { NameForm } from "./_components/name-form";
import { PasswordForm } from "./_components/password-form";
import { ProfileHeader } from "./_components/profile-header";
import { ProfileSection } from "./_components/profile-section";
import { SessionsForm } from "./_components/sessions-form";
import { TwoFactorSection } from "./_components/two-factor-section";
import { findTwoFactor, unusedRecoveryCodeCount } from "@/db/queries/two-factor";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const session = await requireSession("/profile");
  const [profile, memberships, twoFactor, unusedCodes] = await Promise.all([
    findProfile(session.user.id),
    listOwnMemberships(session.user.id),
    findTwoFactor(session.user.id),
    unusedRecoveryCodeCount(session.user.id),
  ]);
  if (!profile) return null; // deleted meanwhile: the next request has no session

  const preferences = preferencesFormValues(profile);

  return (
    <div className="min-h-screen">
      <ProfileHeader name={profile.name} email={profile.email} />
      <main id="content" className="mx-auto max-w-2xl space-y-6 px-4 py-6">
        <PageHeader title="Your profile" description={`Signed in as ${profile.email}. These settings follow you into every account.`} />
        <ProfileSection id="name" title="Name" description="How colleagues see you in user lists and emails.">
          <NameForm name={profile.name} />
        </ProfileSection>
        <ProfileSection id="password" title="Password" description="Changing it signs you out everywhere else.">
          <PasswordForm />
        </ProfileSection>
        <ProfileSection id="two-factor" title="Two-factor sign-in" description="A code from an app on your phone, asked for after your password.">
          <TwoFactorSection enabled={twoFactor?.enabled ?? false} required={twoFactor?.required ?? false} unusedCodes={unusedCodes} />
        </ProfileSection>
        <ProfileSection
          id="sessions"
          title="Sessions"
          description="Signed in on a computer or phone you no longer use, or someone else's? End every session but this one."
        >
          <SessionsForm />
        </ProfileSection>
        <ProfileSection id="preferences" title="Preferences">
          <PreferencesForm initial={preferences} timeZones={supportedTimeZones()} action={updatePreferences} />
        </ProfileSection>
        <ProfileSection id="notifications" title="Notification settings" description="For each kind of notification: under the bell, by email, both or neither.">
          <NotificationSettingsForm initial={notificationSettingsOf(profile.notificationSettings)} action={updateNotificationSettings} />
        </ProfileSection>
        <ProfileSection id="accounts" title="Your accounts" description="Where you are a member, and your role there.">
          <AccountList memberships={memberships} />
        </ProfileSection>
      </main>
    </div>
  );
}
