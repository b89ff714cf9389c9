import type { z } from "zod";

type Schemas = Record<string, z.ZodType>;
export type ParsedParameters<S extends Schemas> = { [K in keyof S]?: z.output<S[K]> };

/**
 * Reads a page's URL parameters, each on its own: one bad value is dropped
 * (and reported by name), the rest of the view still applies. Empty values
 * and repeats beyond the first are ignored.
 */
export function readParameters<S extends Schemas>(
  schemas: S,
  params: Record<string, string | string[] | undefined>,
): { values: ParsedParameters<S>; ignored: string[] } {
  const values: ParsedParameters<S> = {};
  const ignored: string[] = [];
  for (const [key, schema] of Object.entries(schemas) as Array<[keyof S & string, z.ZodType]>) {
    const raw = params[key];
    if (raw === undefined || raw === "") continue;
    const parsed = schema.safeParse(Array.isArray(raw) ? raw[0] : raw);
    if (parsed.success) values[key] = parsed.data as ParsedParameters<S>[typeof key];
    else ignored.push(key);
  }
  return { values, ignored };
}
