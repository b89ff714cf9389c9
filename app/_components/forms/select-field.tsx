import type { ComponentProps } from "react";
import { cn } from "@/app/_components/ui/cn";
import { describedBy, Field } from "@/app/_components/ui/field";

type SelectFieldProps = {
  id: string;
  label: string;
  error?: string;
  help?: string;
  options: readonly { value: string; label: string }[];
} & Omit<ComponentProps<"select">, "id" | "children">;

/** A labelled native select (keyboard and screen-reader friendly as it is); spread register() into it. */
export function SelectField({ id, label, error, help, options, className, ...selectProps }: SelectFieldProps) {
  return (
    <Field id={id} label={label} error={error} help={help}>
      <select
        id={id}
        {...describedBy(id, error, Boolean(help))}
        className={cn(
          "block h-9 w-full rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900",
          "aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100",
          className,
        )}
        {...selectProps}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
