"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import type { DataFilter } from "@/lib/authz/data-filter";
import { accessChangeLines, describeAccessChange } from "@/lib/authz/access-change";
import type { AccessGrant } from "@/lib/authz/grants";
import { AccessFields, type AccessChoices } from "./access-fields";
import { DataFilterFields } from "./data-filter-fields";

/** The fields every access form has (invite, edit): a grant and, for Filtered Reporting, a data filter. */
export type AccessFormValues = AccessGrant & { dataFilter?: DataFilter | null };

type Props = {
  // Any react-hook-form form whose values include AccessFormValues.
  form: UseFormReturn<AccessFormValues>;
  choices: AccessChoices;
  // The access before this edit: when given, a dirty form shows what the change grants and removes.
  before?: AccessGrant;
};

/** Role, licenses, preset, toggles and data filter, wired to a react-hook-form form. */
export function AccessFormSection({ form, choices, before }: Props) {
  const { setValue, control, formState } = form;
  const [role, licenses, overrides, dataFilter] = useWatch({ control, name: ["role", "licenses", "overrides", "dataFilter"] });
  const grant: AccessGrant = { role, licenses: Array.isArray(licenses) ? licenses : [], overrides: overrides ?? {} };
  const errors = formState.errors;

  const changeAccess = (next: AccessGrant) => {
    setValue("role", next.role, { shouldDirty: true });
    setValue("licenses", next.licenses, { shouldDirty: true, shouldValidate: formState.isSubmitted });
    setValue("overrides", next.overrides, { shouldDirty: true });
  };

  return (
    <>
      <AccessFields {...choices} value={grant} onChange={changeAccess} errors={{ role: errors.role?.message, licenses: errors.licenses?.message }} />
      {role === "filtered_reporting" ? (
        <DataFilterFields
          value={dataFilter}
          onChange={(filter) => setValue("dataFilter", filter, { shouldDirty: true })}
          errors={errors.dataFilter as { category?: { message?: string }; values?: { message?: string } } | undefined}
        />
      ) : null}
      {before && formState.isDirty ? (
        <ChangeSummary lines={accessChangeLines(describeAccessChange(before, grant, { type: choices.accountType, products: choices.accountProducts }), "admin")} />
      ) : null}
    </>
  );
}

function ChangeSummary({ lines }: { lines: string[] }) {
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
