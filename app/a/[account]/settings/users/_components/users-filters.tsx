import Form from "next/form";
import Link from "next/link";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/field";
import { PRODUCT_LABELS, PRODUCTS } from "@/lib/authz/products";
import { ROLE_LABELS, ROLES } from "@/lib/authz/roles";
import { MEMBER_STATUS_FILTERS, SEARCH_MAX_LENGTH, type MembersQuery, type MemberStatusFilter } from "@/lib/validation/members-query";

const SORT_LABELS = { name: "Name", email: "Email", role: "Role", last_sign_in: "Last sign-in" } as const;
const STATUS_LABELS: Record<MemberStatusFilter, string> = { active: "Active", invited: "Invited", expired: "Expired", deactivated: "Deactivated" };

function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string; options: Array<[string, string]> }) {
  return (
    <div className="space-y-1">
      <label htmlFor={`users-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={`users-${name}`}
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
      <FilterSelect name="role" label="Role" value={query.role ?? ""} options={[["", "Any role"], ...ROLES.map((r): [string, string] => [r, ROLE_LABELS[r]])]} />
      <FilterSelect
        name="license"
        label="License"
        value={query.license ?? ""}
        options={[["", "Any license"], ...PRODUCTS.map((p): [string, string] => [p, PRODUCT_LABELS[p]])]}
      />
      <FilterSelect
        name="status"
        label="Status"
        value={query.status ?? ""}
        options={[["", "Any status"], ...MEMBER_STATUS_FILTERS.map((s): [string, string] => [s, STATUS_LABELS[s]])]}
      />
      <FilterSelect name="sort" label="Sort by" value={query.sort} options={Object.entries(SORT_LABELS)} />
      <div className="flex gap-2 pb-5">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {filtered ? (
          <Button asChild variant="ghost">
            <Link href={basePath}>Clear</Link>
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
