"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { toast } from "@/app/_components/ui/toaster";
import { describeAccessChange } from "@/lib/authz/access-change";
import type { AccessGrant } from "@/lib/authz/grants";
import { memberAccessSchema, type MemberAccessInput } from "@/lib/validation/invite";
import { updateMemberAccess } from "../actions";
import { AccessFields, type AccessChoices } from "./access-fields";
import { DataFilterFields } from "./data-filter-fields";
import type { MemberDetail } from "./member-detail";

type Props = { member: MemberDetail; choices: AccessChoices; onDirtyChange(dirty: boolean): void; onSaved(): void };

export function MemberPermissionsTab({ member, choices, onDirtyChange, onSaved }: Props) {
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const { handleSubmit, setValue, setError, control, formState } = useForm<MemberAccessInput>({
    resolver: zodResolver(memberAccessSchema),
    defaultValues: {
      membershipId: member.membershipId,
      expectedVersion: member.version,
      role: member.role,
      licenses: member.licenses,
      overrides: member.overrides,
      dataFilter: member.dataFilter,
    },
  });
  const [role, licenses, overrides, dataFilter] = useWatch({ control, name: ["role", "licenses", "overrides", "dataFilter"] });
  const grant: AccessGrant = { role, licenses: Array.isArray(licenses) ? licenses : [], overrides: overrides ?? {} };
  const change = describeAccessChange(member, grant, { type: choices.accountType, products: choices.accountProducts });
  useEffect(() => onDirtyChange(formState.isDirty), [formState.isDirty, onDirtyChange]);

  const changeAccess = (next: AccessGrant) => {
    setValue("role", next.role, { shouldDirty: true });
    setValue("licenses", next.licenses, { shouldDirty: true, shouldValidate: formState.isSubmitted });
    setValue("overrides", next.overrides, { shouldDirty: true });
  };

  const onSubmit = handleSubmit((values) => {
    setFormError(undefined);
    startTransition(async () => {
      const result = await updateMemberAccess(choices.accountSlug, values);
      if (result.ok) {
        toast.success(`${member.name}'s access was saved. It applies on their next page load.`);
        onDirtyChange(false);
        onSaved();
        return;
      }
      setFormError(result.error);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        if (field === "role" || field === "licenses") setError(field, { message });
      }
    });
  });

  const filterErrors = formState.errors.dataFilter as { category?: { message?: string }; values?: { message?: string } } | undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <AccessFields
        {...choices}
        value={grant}
        onChange={changeAccess}
        errors={{ role: formState.errors.role?.message, licenses: formState.errors.licenses?.message }}
      />
      {role === "filtered_reporting" ? (
        <DataFilterFields value={dataFilter} onChange={(filter) => setValue("dataFilter", filter, { shouldDirty: true })} errors={filterErrors} />
      ) : null}
      {formState.isDirty ? <ChangeSummary change={change} /> : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending || !formState.isDirty}>
          {pending ? "Saving…" : "Save permissions"}
        </Button>
      </div>
    </form>
  );
}

function ChangeSummary({ change }: { change: ReturnType<typeof describeAccessChange> }) {
  const lines = [
    change.role ? `Role: ${change.role}` : null,
    change.licenses ? `Licenses: ${change.licenses}` : null,
    change.grants.length ? `Grants: ${change.grants.join(", ")}` : null,
    change.removes.length ? `Removes: ${change.removes.join(", ")}` : null,
  ].filter(Boolean);
  return (
    <div role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
      <p className="font-medium">This change</p>
      {lines.length ? (
        <ul className="list-disc pl-5">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p>changes no permission.</p>
      )}
    </div>
  );
}
