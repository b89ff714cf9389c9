"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Dialog, DialogContent } from "@/app/_components/ui/dialog";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/app/_components/ui/tabs";
import type { AccessChoices } from "./access-fields";
import { confirmDiscard } from "./dialog-helpers";
import { MemberInformationTab } from "./member-information-tab";
import type { MemberDetail } from "./member-detail";
import { MemberPermissionsTab } from "./member-permissions-tab";
import { MemberSecurityTab } from "./member-security-tab";

type Props = {
  member: MemberDetail;
  choices: AccessChoices;
  // Person-level changes need reach over all of the person's memberships.
  coversPerson: boolean;
  closeHref: string;
};

/** The Super User's editor for one member, opened from the ⋮ menu; its URL (?edit=…) can be shared. */
export function EditMemberDialog({ member, choices, coversPerson, closeHref }: Props) {
  const router = useRouter();
  const [dirty, setDirty] = useState(false);
  const close = () => router.replace(closeHref, { scroll: false });

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
          </TabsList>
          <TabsContent value="information" className="pt-4">
            <MemberInformationTab accountSlug={choices.accountSlug} member={member} editable={coversPerson} onDirtyChange={setDirty} onSaved={close} />
          </TabsContent>
          <TabsContent value="security" className="pt-4">
            <MemberSecurityTab accountSlug={choices.accountSlug} member={member} coversPerson={coversPerson} />
          </TabsContent>
          <TabsContent value="permissions" className="pt-4">
            <MemberPermissionsTab member={member} choices={choices} onDirtyChange={setDirty} onSaved={close} />
          </TabsContent>
        </Tabs>
      </DialogContent>
    </Dialog>
  );
}
