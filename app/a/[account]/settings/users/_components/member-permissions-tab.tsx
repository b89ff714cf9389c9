"use client";

import { useEffect } from "react";
import type { UseFormReturn } from "react-hook-form";
import { useActionForm } from "@/app/_components/forms/use-action-form";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { toast } from "@/app/_components/ui/toaster";
import { memberAccessSchema } from "@/lib/validation/invite";
import { updateMemberAccess } from "../actions";
import type { AccessChoices } from "./access-fields";
import { AccessFormSection, type AccessFormValues } from "./access-form-section";
import type { MemberDetail } from "./member-detail";

type Props = { member: MemberDetail; choices: AccessChoices; onDirtyChange(dirty: boolean): void; onSaved(): void };

/** Role, licenses, toggles and data filter of one member, with what the change grants and removes before saving. */
export function MemberPermissionsTab({ member, choices, onDirtyChange, onSaved }: Props) {
  const { form, onSubmit, pending, message } = useActionForm({
    schema: memberAccessSchema,
    defaultValues: {
      membershipId: member.membershipId,
      expectedVersion: member.version,
      role: member.role,
      licenses: member.licenses,
      overrides: member.overrides,
      dataFilter: member.dataFilter,
    },
    action: (values) => updateMemberAccess(choices.accountSlug, values),
    onSuccess: () => {
      toast.success(
        member.status === "invited"
          ? `Saved. A new invitation with this access went to ${member.email}; the earlier link no longer works.`
          : `${member.name}'s access was saved. It applies on their next page load.`,
      );
      onDirtyChange(false);
      onSaved();
    },
  });
  const { isDirty } = form.formState;
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {message?.tone === "error" ? <Alert tone="error">{message.text}</Alert> : null}
      <AccessFormSection form={form as unknown as UseFormReturn<AccessFormValues>} choices={choices} before={member} />
      <div className="flex justify-end">
        <Button type="submit" disabled={pending || !isDirty}>
          {pending ? "Saving…" : "Save permissions"}
        </Button>
      </div>
    </form>
  );
}
