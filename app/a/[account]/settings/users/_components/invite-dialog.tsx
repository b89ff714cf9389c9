"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/app/_components/ui/dialog";
import { TextField } from "@/app/_components/ui/field";
import { toast } from "@/app/_components/ui/toaster";
import type { AccessGrant } from "@/lib/authz/grants";
import { inviteSchema, type InviteInput } from "@/lib/validation/invite";
import { inviteUser } from "../actions";
import { AccessFields, type AccessChoices } from "./access-fields";
import { DataFilterFields } from "./data-filter-fields";
import { confirmDiscard, formatExpiry } from "./dialog-helpers";

/** "+ New": invites a person by email with a role, licenses and optional toggles. */
export function InviteDialog({ choices }: { choices: AccessChoices }) {
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const defaultRole = choices.grantableRoles.includes("observer") ? "observer" : choices.grantableRoles[0]!;
  const form = useForm<InviteInput>({
    resolver: zodResolver(inviteSchema),
    defaultValues: { email: "", name: "", role: defaultRole, licenses: choices.accountProducts, overrides: {} },
  });
  const { register, handleSubmit, setError, setValue, control, reset, formState } = form;
  const [role, licenses, overrides, dataFilter] = useWatch({ control, name: ["role", "licenses", "overrides", "dataFilter"] });

  const changeAccess = (grant: AccessGrant) => {
    setValue("role", grant.role, { shouldDirty: true });
    setValue("licenses", grant.licenses, { shouldDirty: true, shouldValidate: formState.isSubmitted });
    setValue("overrides", grant.overrides, { shouldDirty: true });
  };

  const onSubmit = handleSubmit((values) => {
    setFormError(undefined);
    startTransition(async () => {
      const result = await inviteUser(choices.accountSlug, values);
      if (result.ok) {
        toast.success(`Invite sent to ${values.email.trim().toLowerCase()} — the link works until ${formatExpiry(result.data.expiresAt)}.`);
        reset();
        setOpen(false);
        return;
      }
      setFormError(result.error);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        if (field === "email" || field === "name" || field === "role" || field === "licenses") setError(field, { message });
      }
    });
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && formState.isDirty && !confirmDiscard()) return;
        if (!next) {
          reset();
          setFormError(undefined);
        }
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
          {formError ? <Alert tone="error">{formError}</Alert> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField id="invite-email" label="Email" type="email" autoComplete="off" error={formState.errors.email?.message} {...register("email")} />
            <TextField id="invite-name" label="Name" autoComplete="off" error={formState.errors.name?.message} {...register("name")} />
          </div>
          <AccessFields
            {...choices}
            value={{ role, licenses: Array.isArray(licenses) ? licenses : [], overrides: overrides ?? {} }}
            onChange={changeAccess}
            errors={{ role: formState.errors.role?.message, licenses: formState.errors.licenses?.message }}
          />
          {role === "filtered_reporting" ? (
            <DataFilterFields
              value={dataFilter}
              onChange={(filter) => setValue("dataFilter", filter, { shouldDirty: true })}
              errors={formState.errors.dataFilter as { category?: { message?: string }; values?: { message?: string } } | undefined}
            />
          ) : null}
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
