"use client";

import { TextField } from "@/app/_components/ui/field";
import type { DataFilter } from "@/lib/authz/data-filter";

type Props = {
  value: DataFilter | null | undefined;
  onChange(filter: DataFilter | null): void;
  errors?: { category?: { message?: string }; values?: { message?: string } };
};

const splitValues = (text: string) => text.split(",").map((value) => value.trim()).filter(Boolean);

/** The Filtered Reporting data filter: which marketing data this person's reports show. */
export function DataFilterFields({ value, onChange, errors }: Props) {
  const change = (category: string, values: string[]) => onChange(category || values.length ? { category, values } : null);
  return (
    <fieldset className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-sm font-medium">Data filter</legend>
      <p className="text-xs text-zinc-500">Reports show only calls whose marketing data matches. Without a filter, this person sees no report data.</p>
      <TextField
        id="filter-category"
        label="Category"
        placeholder="location"
        value={value?.category ?? ""}
        error={errors?.category?.message}
        onChange={(event) => change(event.target.value, value?.values ?? [])}
      />
      <TextField
        id="filter-values"
        label="Values (comma-separated)"
        placeholder="Denver, Boulder"
        value={(value?.values ?? []).join(", ")}
        error={errors?.values?.message}
        onChange={(event) => change(value?.category ?? "", splitValues(event.target.value))}
      />
    </fieldset>
  );
}
