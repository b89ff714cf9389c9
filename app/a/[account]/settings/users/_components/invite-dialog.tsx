"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { useActionForm } from "@/app/_components/forms/use-action-form";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/app/_components/ui/dialog";
import { TextField } from "@/app/_components/ui/field";
import { useFormatDateTime } from "@/app/_components/ui/time-display";
import { toast } from "@/app/_components/ui/toaster";
import { inviteSchema } from "@/lib/validation/invite";
import { inviteUser } from "../actions";
import type { AccessChoices } from "./access-fields";
import { AccessFormSection, type AccessFormValues } from "./access-form-section";
import { confirmDiscard } from "./dialog-helpers";

/** "+ New": invites a person by email with a role, licenses and optional toggles. */
export function InviteDialog({ choices }: { choices: AccessChoices }) {
  const [open, setOpen] = useState(false);
  const formatExpiry = useFormatDateTime();
  const defaultRole = choices.grantableRoles.includes("observer") ? "observer" : choices.grantableRoles[0]!;
  const { form, onSubmit, pending, message } = useActionForm({
    schema: inviteSchema,
    defaultValues: { email: "", name: "", role: defaultRole, licenses: choices.accountProducts, overrides: {} },
    action: (values) => inviteUser(choices.accountSlug, values),
    resetAfterSuccess: true,
    onSuccess: (data, values) => {
      toast.success(`Invite sent to ${values.email.trim().toLowerCase()} — the link works until ${formatExpiry(data.expiresAt)}.`);
      setOpen(false);
    },
  });
  const { register, reset, formState } = form;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && formState.isDirty && !confirmDiscard()) return;
        if (!next) reset();
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus className="size-4" aria-hidden />
          New
        </Button>
      </DialogTrigger>
      <DialogContent title="Invite a user" description="They get an email with a link to join. Until they accept, they have no access." wide>
        <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
          {message?.tone === "error" ? <Alert tone="error">{message.text}</Alert> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField id="invite-email" label="Email" type="email" autoComplete="off" error={formState.errors.email?.message} {...register("email")} />
            <TextField id="invite-name" label="Name" autoComplete="off" error={formState.errors.name?.message} {...register("name")} />
          </div>
          <AccessFormSection form={form as unknown as UseFormReturn<AccessFormValues>} choices={choices} />
          <div className="flex justify-end gap-2 pt-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Sending invite…" : "Create"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
