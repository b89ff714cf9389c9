import type { MembersQuery } from "@/lib/validation/members-query";

/** The users page URL for a view: its search, filters and sort, plus a page cursor or the member being edited. */
export function usersUrl(basePath: string, query: MembersQuery, extra: { after?: string; edit?: string } = {}): string {
  const params = new URLSearchParams();
  for (const key of ["q", "role", "license", "status"] as const) if (query[key]) params.set(key, query[key]);
  if (query.sort !== "name") params.set("sort", query.sort);
  if (extra.after) params.set("after", extra.after);
  if (extra.edit) params.set("edit", extra.edit);
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}
