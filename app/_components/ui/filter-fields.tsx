import Link from "next/link";
import { Button } from "./button";

/** A labelled native select for a GET filter form: the view lives in the URL. */
export function FilterSelect({ id, name, label, value, options }: { id: string; name: string; label: string; value: string; options: Array<[string, string]> }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        className="h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Apply, and Clear back to the unfiltered view once something is filtered. */
export function FilterButtons({ clearHref, filtered }: { clearHref: string; filtered: boolean }) {
  return (
    <div className="flex gap-2 pb-5">
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {filtered ? (
        <Button asChild variant="ghost">
          <Link href={clearHref}>Clear</Link>
        </Button>
      ) : null}
    </div>
  );
}
