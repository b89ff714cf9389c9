import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

type FieldProps = {
  id: string;
  label: string;
  error?: string;
  help?: ReactNode;
  children: ReactNode;
};

/** A label above its control, help text under it, and the field's error inline. */
export function Field({ id, label, error, help, children }: FieldProps) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      {children}
      {help && !error ? (
        <p id={`${id}-help`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Input({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      className={cn(
        "block h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 placeholder:text-zinc-400",
        "aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100",
        className,
      )}
      {...props}
    />
  );
}

/** aria attributes that tie a control to its help text and error message. */
export function describedBy(id: string, error?: string, hasHelp = false) {
  const ids = [error ? `${id}-error` : null, hasHelp && !error ? `${id}-help` : null].filter(Boolean);
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
  } as const;
}

type TextFieldProps = Omit<FieldProps, "children"> & Omit<ComponentProps<"input">, "id">;

/** A labelled text input wired to its help and error text; spread react-hook-form's register() into it. */
export function TextField({ id, label, error, help, ...inputProps }: TextFieldProps) {
  return (
    <Field id={id} label={label} error={error} help={help}>
      <Input id={id} {...describedBy(id, error, Boolean(help))} {...inputProps} />
    </Field>
  );
}
