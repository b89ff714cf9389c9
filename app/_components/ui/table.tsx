import type { ReactNode } from "react";
import { cn } from "./cn";

export type Column = { label: string; hidden?: boolean; numeric?: boolean } | string | false | null | undefined;

type Props = {
  columns: Column[];
  children: ReactNode;
  // Below this width the table scrolls sideways instead of squeezing its columns.
  minWidth: string;
  stickyHeader?: boolean;
  className?: string;
};

/** A bordered table with its header row; falsy columns are left out, hidden ones are named for screen readers only. */
export function DataTable({ columns, children, minWidth, stickyHeader, className }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className={cn("w-full text-sm", className)} style={{ minWidth }}>
        <thead className={cn("border-b border-zinc-200 bg-zinc-50 text-left dark:border-zinc-800 dark:bg-zinc-900", stickyHeader && "sticky top-0")}>
          <tr>
            {columns.map((column) => {
              if (!column) return null;
              const { label, hidden, numeric } = typeof column === "string" ? { label: column } : column;
              return (
                <th key={label} scope="col" className={cn("px-3 py-2 font-medium", numeric && "text-right")}>
                  {hidden ? <span className="sr-only">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** What a list says when it has nothing to show, and what to do next. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400">
      {children}
    </div>
  );
}
