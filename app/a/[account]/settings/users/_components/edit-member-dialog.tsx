"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { NotificationSettingsForm } from "@/app/_components/forms/notification-settings-form";
import { PreferencesForm } from "@/app/_components/forms/preferences-form";
import { Alert } from "@/app/_components/ui/alert";
import { Dialog, DialogContent } from "@/app/_components/ui/dialog";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/app/_components/ui/tabs";
import { preferencesFormValues } from "@/lib/validation/profile";
import { updateMemberNotificationSettings, updateMemberPreferences } from "../actions";
import type { AccessChoices } from "./access-fields";
import { confirmDiscard } from "./dialog-helpers";
import { InviteeForm } from "./invitee-form";
import { MemberInformationTab } from "./member-information-tab";
import type { MemberDetail } from "./member-detail";
import { MemberPermissionsTab } from "./member-permissions-tab";
import { MemberSecurityTab } from "./member-security-tab";

type Props = {
  member: MemberDetail;
  timeZones: string[];
  choices: AccessChoices;
  // Person-level changes need reach over all of the person's memberships.
  coversPerson: boolean;
  // Who may require or reset the second factor, and whether the account already requires it of everyone.
  twoFactor: { canManage: boolean; accountRequires: boolean };
  closeHref: string;
};

/** The Super User's editor for one member, opened from the ⋮ menu; its URL (?edit=…) can be shared. */
export function EditMemberDialog({ member, timeZones, choices, coversPerson, twoFactor, closeHref }: Props) {
  const router = useRouter();
  const [dirty, setDirty] = useState(false);
  const close = () => router.replace(closeHref, { scroll: false });
  const invited = member.status === "invited";

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open && (!dirty || confirmDiscard())) close();
      }}
    >
      <DialogContent title={`Edit ${member.name}`} description={member.email} wide>
        <Tabs defaultValue="permissions">
          <TabsList aria-label="Sections">
            <TabsTrigger value="information">Information</TabsTrigger>
            <TabsTrigger value="security">Security</TabsTrigger>
            <TabsTrigger value="permissions">Permissions</TabsTrigger>
            <TabsTrigger value="preferences">Preferences</TabsTrigger>
            <TabsTrigger value="notifications">Notification settings</TabsTrigger>
          </TabsList>
          <TabsContent value="information" className="pt-4">
            {invited ? (
              <InviteeForm accountSlug={choices.accountSlug} member={member} onDirtyChange={setDirty} onSaved={close} />
            ) : (
              <MemberInformationTab accountSlug={choices.accountSlug} member={member} editable={coversPerson} onDirtyChange={setDirty} onSaved={close} />
            )}
          </TabsContent>
          <TabsContent value="security" className="pt-4">
            <MemberSecurityTab accountSlug={choices.accountSlug} member={member} coversPerson={coversPerson} twoFactor={twoFactor} />
          </TabsContent>
          <TabsContent value="permissions" className="pt-4">
            <MemberPermissionsTab member={member} choices={choices} onDirtyChange={setDirty} onSaved={close} />
          </TabsContent>
          <TabsContent value="preferences" className="pt-4">
            {invited ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">Preferences belong to the person; they set them once they accept.</p>
            ) : coversPerson ? (
              <PreferencesForm
                subject="member"
                initial={preferencesFormValues(member)}
                timeZones={timeZones}
                action={(values) => updateMemberPreferences(choices.accountSlug, { ...values, membershipId: member.membershipId, original: preferencesFormValues(member) })}
              />
            ) : (
              <Alert tone="info">This person also belongs to accounts you do not manage, so only they can change their preferences.</Alert>
            )}
          </TabsContent>
          <TabsContent value="notifications" className="pt-4">
            {invited ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">Notification settings belong to the person; they set them once they accept.</p>
            ) : coversPerson ? (
              <NotificationSettingsForm
                subject="member"
                initial={member.notificationSettings}
                action={(settings) =>
                  updateMemberNotificationSettings(choices.accountSlug, { membershipId: member.membershipId, settings, original: member.notificationSettings })
                }
              />
            ) : (
              <Alert tone="info">This person also belongs to accounts you do not manage, so only they can change their notification settings.</Alert>
            )}
          </TabsContent>
        </Tabs>
      </DialogContent>
    </Dialog>
  );
}
