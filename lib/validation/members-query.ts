import { z } from "zod";
import { PRODUCTS } from "@/lib/authz/products";
import { ROLES } from "@/lib/authz/roles";

export const MEMBER_SORTS = ["name", "email", "role", "last_sign_in"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export const SEARCH_MAX_LENGTH = 100;

export type MemberCursor = { value: string; membershipId: string };

// Each parameter is read on its own: one bad value is dropped (and reported),
// the rest of the view still applies.
const parameters = {
  q: z.string().trim().max(SEARCH_MAX_LENGTH),
  role: z.enum(ROLES),
  license: z.enum(PRODUCTS),
  status: z.enum(["active", "deactivated"]),
  sort: z.enum(MEMBER_SORTS),
  after: z
    .string()
    .max(500)
    .transform((value, context) => {
      try {
        const cursor = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown;
        return z.object({ value: z.string().max(300), membershipId: z.uuid() }).parse(cursor);
      } catch {
        context.addIssue({ code: "custom", message: "bad cursor" });
        return z.NEVER;
      }
    }),
};

export type MembersQuery = {
  q?: string;
  role?: (typeof ROLES)[number];
  license?: (typeof PRODUCTS)[number];
  status?: "active" | "deactivated";
  sort: MemberSort;
  after?: MemberCursor;
};

export function parseMembersQuery(params: Record<string, string | string[] | undefined>): {
  query: MembersQuery;
  ignored: string[];
} {
  const query: MembersQuery = { sort: "name" };
  const ignored: string[] = [];
  for (const [key, schema] of Object.entries(parameters) as Array<[keyof typeof parameters, z.ZodType]>) {
    const raw = params[key];
    if (raw === undefined || raw === "") continue;
    const parsed = schema.safeParse(Array.isArray(raw) ? raw[0] : raw);
    if (parsed.success) Object.assign(query, { [key]: parsed.data });
    else ignored.push(key);
  }
  if (query.q === "") delete query.q;
  return { query, ignored };
}

export function encodeMemberCursor(cursor: MemberCursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}
