import Form from "next/form";
import { Input } from "@/app/_components/ui/field";
import { FilterButtons, FilterSelect } from "@/app/_components/ui/filter-fields";
import { PRODUCT_LABELS, PRODUCTS } from "@/lib/authz/products";
import { ROLE_LABELS, ROLES } from "@/lib/authz/roles";
import { MEMBER_STATUS_FILTERS, SEARCH_MAX_LENGTH, type MembersQuery, type MemberStatusFilter } from "@/lib/validation/members-query";

const SORT_LABELS = { name: "Name", email: "Email", role: "Role", last_sign_in: "Last sign-in" } as const;
const STATUS_LABELS: Record<MemberStatusFilter, string> = { active: "Active", invited: "Invited", expired: "Expired", deactivated: "Deactivated" };

// A GET form (next/form navigates client-side): the view lives in the URL, so it
// can be shared and the back button works. Keyed by the view, so going back
// shows that view's values in the fields too.
export function UsersFilters({ basePath, query }: { basePath: string; query: MembersQuery }) {
  const filtered = Boolean(query.q || query.role || query.license || query.status);
  return (
    <Form key={JSON.stringify(query)} action={basePath} role="search" aria-label="Users" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1 space-y-1">
        <label htmlFor="users-q" className="block text-sm font-medium">
          Search
        </label>
        <Input
          id="users-q"
          name="q"
          type="search"
          defaultValue={query.q}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder="Name or email"
          aria-describedby="users-q-help"
        />
        <p id="users-q-help" className="text-xs text-zinc-500">
          3 or more characters match anywhere; 1–2 match the start of an email, a name or a word of a name.
        </p>
      </div>
      <FilterSelect id="users-role" name="role" label="Role" value={query.role ?? ""} options={[["", "Any role"], ...ROLES.map((r): [string, string] => [r, ROLE_LABELS[r]])]} />
      <FilterSelect id="users-license" name="license"
        label="License"
        value={query.license ?? ""}
        options={[["", "Any license"], ...PRODUCTS.map((p): [string, string] => [p, PRODUCT_LABELS[p]])]}
      />
      <FilterSelect id="users-status" name="status"
        label="Status"
        value={query.status ?? ""}
        options={[["", "Any status"], ...MEMBER_STATUS_FILTERS.map((s): [string, string] => [s, STATUS_LABELS[s]])]}
      />
      <FilterSelect id="users-sort" name="sort" label="Sort by" value={query.sort} options={Object.entries(SORT_LABELS)} />
      <FilterButtons clearHref={basePath} filtered={filtered} />
    </Form>
  );
}
