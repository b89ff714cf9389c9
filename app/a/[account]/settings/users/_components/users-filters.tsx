import Form from "next/form";
import Link from "next/link";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/field";
import { PRODUCT_LABELS, PRODUCTS } from "@/lib/authz/products";
import { ROLE_LABELS, ROLES } from "@/lib/authz/roles";
import { SEARCH_MAX_LENGTH, type MembersQuery } from "@/lib/validation/members-query";

const SORT_LABELS = { name: "Name", email: "Email", role: "Role", last_sign_in: "Last sign-in" } as const;
const SELECT = "h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

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
      <div className="space-y-1">
        <label htmlFor="users-role" className="block text-sm font-medium">
          Role
        </label>
        <select id="users-role" name="role" defaultValue={query.role ?? ""} className={SELECT}>
          <option value="">Any role</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="users-license" className="block text-sm font-medium">
          License
        </label>
        <select id="users-license" name="license" defaultValue={query.license ?? ""} className={SELECT}>
          <option value="">Any license</option>
          {PRODUCTS.map((product) => (
            <option key={product} value={product}>
              {PRODUCT_LABELS[product]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="users-status" className="block text-sm font-medium">
          Status
        </label>
        <select id="users-status" name="status" defaultValue={query.status ?? ""} className={SELECT}>
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="deactivated">Deactivated</option>
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="users-sort" className="block text-sm font-medium">
          Sort by
        </label>
        <select id="users-sort" name="sort" defaultValue={query.sort} className={SELECT}>
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
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
