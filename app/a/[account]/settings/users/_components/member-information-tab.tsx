"use client";

import { useEffect } from "react";
import { useActionForm } from "@/app/_components/forms/use-action-form";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { toast } from "@/app/_components/ui/toaster";
import { memberInfoSchema } from "@/lib/validation/invite";
import { updateMemberInfo } from "../actions";
import type { MemberDetail } from "./member-detail";

type Props = {
  accountSlug: string;
  member: MemberDetail;
  editable: boolean;
  onDirtyChange(dirty: boolean): void;
  onSaved(): void;
};

const OUT_OF_REACH =
  "This person also belongs to accounts you do not manage, so their name, email and phone can only be changed by them or by admins of all their accounts.";

export function MemberInformationTab({ accountSlug, member, editable, onDirtyChange, onSaved }: Props) {
  const { form, onSubmit, pending, message } = useActionForm({
    schema: memberInfoSchema,
    defaultValues: {
      membershipId: member.membershipId,
      name: member.name,
      email: member.email,
      phone: member.phone ?? "",
      original: { name: member.name, email: member.email, phone: member.phone },
    },
    action: (values) => updateMemberInfo(accountSlug, values),
    onSuccess: (_data, values) => {
      toast.success(`${values.name.trim()} was saved.`);
      onDirtyChange(false);
      onSaved();
    },
  });
  const { register, formState } = form;
  useEffect(() => onDirtyChange(formState.isDirty), [formState.isDirty, onDirtyChange]);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {!editable ? <Alert tone="info">{OUT_OF_REACH}</Alert> : null}
      {message?.tone === "error" ? <Alert tone="error">{message.text}</Alert> : null}
      <fieldset disabled={!editable} className="space-y-4">
        <TextField id="member-name" label="Name" error={formState.errors.name?.message} {...register("name")} />
        <TextField
          id="member-email"
          label="Email"
          type="email"
          error={formState.errors.email?.message}
          {...register("email")}
        />
        <TextField id="member-phone" label="Phone (optional)" type="tel" error={formState.errors.phone?.message} {...register("phone")} />
      </fieldset>
      {editable ? (
        <div className="flex justify-end">
          <Button type="submit" disabled={pending || !formState.isDirty}>
            {pending ? "Saving…" : "Save information"}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
