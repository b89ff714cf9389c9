import Form from "next/form";
import { TextField } from "@/app/_components/ui/field";
import { FilterButtons, FilterSelect } from "@/app/_components/ui/filter-fields";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { AuditQuery } from "@/lib/validation/audit-query";

// A GET form: the view lives in the URL (shareable, the back button works); keyed by it, so going back shows its values.
export function AuditFilters({ basePath, query }: { basePath: string; query: AuditQuery }) {
  const filtered = Boolean(query.actor || query.target || query.action || query.from || query.to);
  return (
    <Form key={JSON.stringify(query)} action={basePath} role="search" aria-label="Audit log" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-52 flex-1">
        <TextField id="audit-actor" name="actor" label="Who" defaultValue={query.actor} maxLength={200} placeholder="Email of who acted" />
      </div>
      <div className="min-w-52 flex-1">
        <TextField id="audit-target" name="target" label="Target" defaultValue={query.target} maxLength={200} placeholder="Email, account or file" />
      </div>
      <FilterSelect
        id="audit-action"
        name="action"
        label="Event"
        value={query.action ?? ""}
        options={[["", "Any event"], ...Object.entries(AUDIT_ACTIONS)]}
      />
      <TextField id="audit-from" name="from" label="From" type="date" defaultValue={query.from} />
      <TextField id="audit-to" name="to" label="To" type="date" defaultValue={query.to} />
      <FilterButtons clearHref={basePath} filtered={filtered} />
    </Form>
  );
}
