import { z } from "zod";
import { PRODUCTS } from "@/lib/authz/products";
import { ROLES } from "@/lib/authz/roles";
import { readParameters } from "./query-parameters";

export const MEMBER_SORTS = ["name", "email", "role", "last_sign_in"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export const SEARCH_MAX_LENGTH = 100;
// What the status filter offers. "invited" and "expired" both mean a pending
// invitation (membership status "invited"): "expired" is one whose link has
// run out, so an admin can tell who needs the invitation sent again.
export const MEMBER_STATUS_FILTERS = ["active", "invited", "expired", "deactivated"] as const;
export type MemberStatusFilter = (typeof MEMBER_STATUS_FILTERS)[number];

export type MemberCursor = { value: string; membershipId: string };

// Each parameter is read on its own (readParameters): one bad value is dropped.
const parameters = {
  q: z.string().trim().max(SEARCH_MAX_LENGTH),
  role: z.enum(ROLES),
  license: z.enum(PRODUCTS),
  status: z.enum(MEMBER_STATUS_FILTERS),
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
  status?: MemberStatusFilter;
  sort: MemberSort;
  after?: MemberCursor;
};

export function parseMembersQuery(params: Record<string, string | string[] | undefined>): {
  query: MembersQuery;
  ignored: string[];
} {
  const { values, ignored } = readParameters(parameters, params);
  const query: MembersQuery = { sort: "name", ...values };
  if (query.q === "") delete query.q;
  return { query, ignored };
}

export function encodeMemberCursor(cursor: MemberCursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}
