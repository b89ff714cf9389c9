"use client";

import { useEffect } from "react";
import { useActionForm } from "@/app/_components/forms/use-action-form";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { toast } from "@/app/_components/ui/toaster";
import { inviteeSchema } from "@/lib/validation/invite";
import { updateInvitee } from "../actions";
import type { MemberDetail } from "./member-detail";

type Props = { accountSlug: string; member: MemberDetail; onDirtyChange(dirty: boolean): void; onSaved(): void };

/** The Information tab of someone who has not accepted yet: the invitation's own name and address. */
export function InviteeForm({ accountSlug, member, onDirtyChange, onSaved }: Props) {
  const { form, onSubmit, pending, message } = useActionForm({
    schema: inviteeSchema,
    defaultValues: { membershipId: member.membershipId, name: member.name, email: member.email },
    action: (values) => updateInvitee(accountSlug, values),
    onSuccess: (_data, values) => {
      const address = values.email.trim().toLowerCase();
      toast.success(address === member.email ? "The invitation was saved." : `A new invitation went to ${address}; the old link no longer works.`);
      onDirtyChange(false);
      onSaved();
    },
  });
  const { register, formState } = form;
  useEffect(() => onDirtyChange(formState.isDirty), [formState.isDirty, onDirtyChange]);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {message?.tone === "error" ? <Alert tone="error">{message.text}</Alert> : null}
      <TextField id="invitee-name" label="Name" error={formState.errors.name?.message} {...register("name")} />
      <TextField
        id="invitee-email"
        label="Email"
        type="email"
        help="Changing it sends a new invitation to the new address; the old link stops working."
        error={formState.errors.email?.message}
        {...register("email")}
      />
      <div className="flex justify-end">
        <Button type="submit" disabled={pending || !formState.isDirty}>
          {pending ? "Saving…" : "Save invitation"}
        </Button>
      </div>
    </form>
  );
}
