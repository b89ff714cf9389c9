"use client";

import Link from "next/link";
import { useId } from "react";
import { PermissionToggles } from "@/app/_components/access/permission-toggles";
import type { AccessChoices } from "@/lib/authz/access-choices";
import type { AccessGrant } from "@/lib/authz/grants";
import { PRODUCT_LABELS, type Product } from "@/lib/authz/products";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/lib/authz/roles";

export type { AccessChoices } from "@/lib/authz/access-choices";

type Props = AccessChoices & {
  value: AccessGrant;
  onChange(grant: AccessGrant): void;
  errors: { role?: string; licenses?: string };
};

const selectClass = "block h-9 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** Role, licenses, an optional preset and the per-permission toggles: the access part of the invite and edit forms. */
export function AccessFields({ value, onChange, errors, accountSlug, accountType, accountProducts, grantableRoles, grantable, presets }: Props) {
  const id = useId();
  const applyPreset = (presetId: string) => {
    const preset = presets.find((p) => p.id === presetId);
    if (preset) onChange({ role: preset.role, licenses: [...preset.licenses], overrides: { ...preset.overrides } });
  };
  const toggleLicense = (license: Product, checked: boolean) =>
    onChange({ ...value, licenses: checked ? [...value.licenses, license] : value.licenses.filter((l) => l !== license) });

  return (
    <div className="space-y-4">
      {presets.length > 0 ? (
        <div className="space-y-1.5">
          <label htmlFor={`${id}-preset`} className="block text-sm font-medium">
            Access preset <span className="font-normal text-zinc-500">(optional)</span>
          </label>
          <select id={`${id}-preset`} defaultValue="" onChange={(event) => applyPreset(event.target.value)} className={selectClass}>
            <option value="">None — choose below</option>
            {presets.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="space-y-1.5">
        <div className="flex items-baseline justify-between">
          <label htmlFor={`${id}-role`} className="block text-sm font-medium">
            Role
          </label>
          <Link href={`/a/${accountSlug}/settings/roles`} target="_blank" className="text-xs text-accent-600 underline underline-offset-4 dark:text-accent-500">
            Learn more about roles
          </Link>
        </div>
        <select
          id={`${id}-role`}
          value={value.role}
          onChange={(event) => onChange({ ...value, role: event.target.value as Role })}
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={`${id}-role-help`}
          className={selectClass}
        >
          {grantableRoles.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <p id={`${id}-role-help`} className="text-xs text-zinc-500">
          {errors.role ? <span className="text-sm text-red-700 dark:text-red-400">{errors.role}</span> : ROLE_DESCRIPTIONS[value.role]}
        </p>
      </div>
      <fieldset className="space-y-1.5" aria-describedby={errors.licenses ? `${id}-licenses-error` : undefined}>
        <legend className="text-sm font-medium">License type</legend>
        <div className="flex flex-wrap gap-4">
          {accountProducts.map((product) => (
            <label key={product} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={value.licenses.includes(product)}
                onChange={(event) => toggleLicense(product, event.target.checked)}
              />
              {PRODUCT_LABELS[product]}
            </label>
          ))}
        </div>
        {errors.licenses ? (
          <p id={`${id}-licenses-error`} className="text-sm text-red-700 dark:text-red-400">
            {errors.licenses}
          </p>
        ) : null}
      </fieldset>
      <details className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
        <summary className="cursor-pointer text-sm font-medium">Fine-tune permissions</summary>
        <div className="pt-3">
          <PermissionToggles
            role={value.role}
            licenses={value.licenses}
            accountType={accountType}
            accountProducts={accountProducts}
            overrides={value.overrides}
            grantable={new Set(grantable)}
            onChange={(overrides) => onChange({ ...value, overrides })}
          />
        </div>
      </details>
    </div>
  );
}
