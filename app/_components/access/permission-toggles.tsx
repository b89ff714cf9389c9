"use client";

import type { AccountType } from "@/lib/account-types";
import { explainPermissions, type Overrides } from "@/lib/authz/effective";
import { AREAS, isOverridable, PERMISSIONS, type Area, type PermissionKey } from "@/lib/authz/permissions";
import type { Product } from "@/lib/authz/products";
import type { Role } from "@/lib/authz/roles";

type Props = {
  role: Role;
  licenses: Product[];
  accountType: AccountType;
  accountProducts: Product[];
  overrides: Overrides;
  onChange(overrides: Overrides): void;
  // Permissions the person editing may toggle (they hold them); others are shown, locked.
  grantable: ReadonlySet<PermissionKey>;
};

const CHOICE_LABELS = { default: "Role default", grant: "Grant", revoke: "Revoke" } as const;
type Choice = keyof typeof CHOICE_LABELS;

/** Per-permission toggles over a role's defaults, grouped by area, with the resulting access shown. */
export function PermissionToggles({ role, licenses, accountType, accountProducts, overrides, onChange, grantable }: Props) {
  const decisions = new Map(
    explainPermissions({ role, licenses, overrides, accountType, accountProducts, isHolder: false }).map((d) => [d.key, d]),
  );
  const defaults = new Map(
    explainPermissions({ role, licenses, overrides: {}, accountType, accountProducts, isHolder: false }).map((d) => [d.key, d]),
  );

  function choose(key: PermissionKey, choice: Choice) {
    const next = { ...overrides };
    if (choice === "default") delete next[key];
    else next[key] = choice === "grant";
    onChange(next);
  }

  return (
    <div className="space-y-4">
      {(Object.keys(AREAS) as Area[]).map((area) => {
        const permissions = PERMISSIONS.filter((p) => p.area === area && isOverridable(p.key));
        if (permissions.length === 0) return null;
        return (
          <fieldset key={area} className="space-y-1">
            <legend className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{AREAS[area]}</legend>
            {permissions.map((permission) => {
              const decision = decisions.get(permission.key)!;
              const current: Choice = overrides[permission.key] === undefined ? "default" : overrides[permission.key] ? "grant" : "revoke";
              const unlicensed = decision.reason === "license_missing" || decision.reason === "unavailable";
              const id = `toggle-${permission.key}`;
              return (
                <div key={permission.key} className="flex items-center justify-between gap-3 py-1">
                  <label htmlFor={id} className="min-w-0 text-sm">
                    <span className="block">{permission.label}</span>
                    <span className="block text-xs text-zinc-500">
                      {unlicensed
                        ? "Needs a license this person does not have."
                        : decision.granted
                          ? "Included"
                          : "Not included"}
                    </span>
                  </label>
                  <select
                    id={id}
                    value={current}
                    disabled={unlicensed || !grantable.has(permission.key)}
                    onChange={(event) => choose(permission.key, event.target.value as Choice)}
                    className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
                  >
                    <option value="default">
                      {CHOICE_LABELS.default} ({defaults.get(permission.key)!.granted ? "on" : "off"})
                    </option>
                    <option value="grant">{CHOICE_LABELS.grant}</option>
                    <option value="revoke">{CHOICE_LABELS.revoke}</option>
                  </select>
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}
