import type { Metadata } from "next";
import { Badge } from "@/app/_components/ui/badge";
import { PageHeader } from "@/app/_components/ui/page-header";
import { listAccessPresets } from "@/db/queries/access-presets";
import { authorize } from "@/lib/authz/authorize";
import type { Overrides } from "@/lib/authz/effective";
import { BUILT_IN_PRESETS, grantFromPreset } from "@/lib/authz/presets";
import { PRODUCT_LABELS, type Product } from "@/lib/authz/products";
import { ROLE_LABELS, roleAtLeast, ROLES, type Role } from "@/lib/authz/roles";
import { DeletePresetButton } from "./_components/delete-preset-button";
import { PresetForm } from "./_components/preset-form";

export const metadata: Metadata = { title: "Access presets" };

function PresetSummary({ role, licenses, overrides }: { role: Role; licenses: Product[]; overrides: Overrides }) {
  const toggles = Object.keys(overrides).length;
  return (
    <span className="flex flex-wrap items-center gap-1.5 text-sm text-zinc-600 dark:text-zinc-400">
      <Badge tone="accent">{ROLE_LABELS[role]}</Badge>
      {licenses.map((license) => (
        <Badge key={license}>{PRODUCT_LABELS[license]}</Badge>
      ))}
      {toggles ? <span>{toggles === 1 ? "1 toggle" : `${toggles} toggles`}</span> : null}
    </span>
  );
}

export default async function PresetsPage({ params }: { params: Promise<{ account: string }> }) {
  const access = await authorize((await params).account, "account.edit_settings");
  const { account } = access;
  const custom = await listAccessPresets(account.id);

  return (
    <>
      <PageHeader
        title="Access presets"
        description="Named sets of role, licenses and toggles to apply in one step when inviting or editing someone."
      />
      <div className="max-w-3xl space-y-8">
        <section aria-labelledby="builtin-heading" className="space-y-2">
          <h2 id="builtin-heading" className="font-medium">
            Built-in presets
          </h2>
          <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
            {BUILT_IN_PRESETS.map((preset) => (
              <li key={preset.id} className="space-y-1 px-4 py-3">
                <p className="font-medium">{preset.name}</p>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">{preset.description}</p>
                <PresetSummary {...grantFromPreset(preset, account.products)} />
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="custom-heading" className="space-y-2">
          <h2 id="custom-heading" className="font-medium">
            Presets of {account.name}
          </h2>
          {custom.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">None yet. Save one below.</p>
          ) : (
            <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
              {custom.map((preset) => (
                <li key={preset.id} className="flex items-center justify-between gap-3 px-4 py-3">
                  <div className="space-y-1">
                    <p className="font-medium">{preset.name}</p>
                    <PresetSummary role={preset.role} licenses={preset.licenses} overrides={preset.overrides} />
                  </div>
                  <DeletePresetButton accountSlug={account.slug} presetId={preset.id} name={preset.name} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="new-heading" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
          <h2 id="new-heading" className="font-medium">
            New preset
          </h2>
          <PresetForm
            accountSlug={account.slug}
            accountType={account.type}
            accountProducts={account.products}
            grantableRoles={ROLES.filter((role) => roleAtLeast(access.role, role))}
            grantable={[...access.permissions]}
          />
        </section>
      </div>
    </>
  );
}
