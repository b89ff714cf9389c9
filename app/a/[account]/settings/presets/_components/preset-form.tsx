"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { PermissionToggles } from "@/app/_components/access/permission-toggles";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import type { AccountType } from "@/lib/account-types";
import type { PermissionKey } from "@/lib/authz/permissions";
import { PRODUCT_LABELS, type Product } from "@/lib/authz/products";
import { ROLE_LABELS, type Role } from "@/lib/authz/roles";
import { presetSchema, type PresetInput } from "@/lib/validation/access";
import { createPreset } from "../actions";

type Props = {
  accountSlug: string;
  accountType: AccountType;
  accountProducts: Product[];
  grantableRoles: Role[];
  grantable: PermissionKey[];
};

export function PresetForm({ accountSlug, accountType, accountProducts, grantableRoles, grantable }: Props) {
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string }>();
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, setValue, control, reset, formState } = useForm<PresetInput>({
    resolver: zodResolver(presetSchema),
    defaultValues: { name: "", role: "observer", licenses: accountProducts, overrides: {} },
  });
  const [role, licenses, overrides] = useWatch({ control, name: ["role", "licenses", "overrides"] });

  const onSubmit = handleSubmit((values) => {
    setMessage(undefined);
    startTransition(async () => {
      const result = await createPreset(accountSlug, values);
      if (result.ok) {
        reset();
        setMessage({ tone: "success", text: `Preset “${values.name}” saved.` });
        return;
      }
      setMessage({ tone: "error", text: result.error });
      for (const [field, text] of Object.entries(result.fieldErrors ?? {})) {
        if (field === "name" || field === "role" || field === "licenses") setError(field, { message: text });
      }
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <TextField id="preset-name" label="Preset name" error={formState.errors.name?.message} {...register("name")} />
      <div className="space-y-1.5">
        <label htmlFor="preset-role" className="block text-sm font-medium">
          Base role
        </label>
        <select id="preset-role" {...register("role")} className="block h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900">
          {grantableRoles.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium">Licenses</legend>
        <div className="flex gap-4">
          {accountProducts.map((product) => (
            <label key={product} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={product} {...register("licenses")} />
              {PRODUCT_LABELS[product]}
            </label>
          ))}
        </div>
        {formState.errors.licenses ? <p className="text-sm text-red-700 dark:text-red-400">{formState.errors.licenses.message}</p> : null}
      </fieldset>
      <details className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
        <summary className="cursor-pointer text-sm font-medium">Fine-tune permissions</summary>
        <div className="pt-3">
          <PermissionToggles
            role={role}
            licenses={Array.isArray(licenses) ? licenses : []}
            accountType={accountType}
            accountProducts={accountProducts}
            overrides={overrides ?? {}}
            grantable={new Set(grantable)}
            onChange={(next) => setValue("overrides", next, { shouldDirty: true })}
          />
        </div>
      </details>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save preset"}
      </Button>
    </form>
  );
}
