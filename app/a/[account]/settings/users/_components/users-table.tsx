import { Badge } from "@/app/_components/ui/badge";
import { DataTable } from "@/app/_components/ui/table";
import { LocalTime } from "@/app/_components/ui/local-time";
import type { MemberRow } from "@/db/queries/members";
import { PRODUCT_LABELS } from "@/lib/authz/products";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { MemberOptions, type MemberOptionsProps } from "./member-options";

type Props = {
  rows: MemberRow[];
  // The ⋮ menu for a row, or undefined when the caller can do nothing to that person.
  optionsFor(member: MemberRow): MemberOptionsProps | undefined;
};

function StatusBadge({ member }: { member: MemberRow }) {
  if (member.status === "active") return <Badge tone="success">Active</Badge>;
  if (member.status === "deactivated") return <Badge>Deactivated</Badge>;
  const expiresAt = member.inviteExpiresAt;
  if (!expiresAt || expiresAt.getTime() <= Date.now()) return <Badge tone="danger">Expired</Badge>;
  return (
    <span className="inline-flex flex-col gap-0.5">
      <Badge tone="warning">Invited</Badge>
      <span className="text-xs text-zinc-500">
        until <LocalTime value={expiresAt.toISOString()} />
      </span>
    </span>
  );
}

export function UsersTable({ rows, optionsFor }: Props) {
  return (
    <DataTable
      minWidth="820px"
      className="tabular-nums"
      stickyHeader
      columns={["Name", "Role", "Licenses", "Status", "Last sign-in", "2FA", { label: "Options", hidden: true }]}
    >
      {rows.map((member) => {
        const options = optionsFor(member);
        return (
          <tr key={member.membershipId} className="h-11 border-t border-zinc-100 dark:border-zinc-800">
            <th scope="row" className="px-3 py-1.5 text-left font-normal">
              <span className="block font-medium">{member.name}</span>
              <span className="block text-xs text-zinc-500">{member.email}</span>
            </th>
            <td className="px-3">
              {ROLE_LABELS[member.role]}
              {member.viaAccountName ? <span className="block text-xs text-zinc-500">via {member.viaAccountName}</span> : null}
            </td>
            <td className="px-3">
              <span className="flex flex-wrap gap-1">
                {member.licenses.map((license) => (
                  <Badge key={license} tone="accent">
                    {PRODUCT_LABELS[license]}
                  </Badge>
                ))}
              </span>
            </td>
            <td className="px-3">
              <StatusBadge member={member} />
            </td>
            <td className="px-3 whitespace-nowrap">
              {member.lastSignInAt ? <LocalTime value={member.lastSignInAt.toISOString()} /> : <span className="text-zinc-500">Never</span>}
            </td>
            <td className="px-3">{member.twoFactorEnabled ? "On" : <span className="text-zinc-500">Off</span>}</td>
            <td className="px-2 text-right">{options ? <MemberOptions {...options} /> : null}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
