import { z } from "zod";

// A Filtered Reporting member sees report rows whose marketing data has
// `category` set to one of `values` (e.g. location = Denver).
export const dataFilterSchema = z.object({
  category: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, "A category is a lower-case name like location or region."),
  values: z
    .array(z.string().trim().min(1, "A value cannot be empty.").max(100, "A value has at most 100 characters."))
    .min(1, "Allow at least one value.")
    .max(100, "Allow at most 100 values."),
});

export type DataFilter = z.infer<typeof dataFilterSchema>;

/**
 * What report queries apply for a member: "all" for every role but Filtered
 * Reporting; for Filtered Reporting its filter, or "nothing" when it has none
 * or the stored one is malformed — missing data must never widen access.
 */
export type ReportScope = { kind: "all" } | { kind: "filtered"; filter: DataFilter } | { kind: "nothing" };

export function reportScopeFor(role: string, storedFilter: unknown): ReportScope {
  if (role !== "filtered_reporting") return { kind: "all" };
  const parsed = dataFilterSchema.safeParse(storedFilter);
  return parsed.success ? { kind: "filtered", filter: parsed.data } : { kind: "nothing" };
}
