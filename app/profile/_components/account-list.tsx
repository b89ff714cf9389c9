import Link from "next/link";
import { Badge } from "@/app/_components/ui/badge";
import type { AccountType } from "@/lib/account-types";
import { ACCOUNT_TYPE_LABELS } from "@/lib/account-types";
import { ROLE_LABELS, type Role } from "@/lib/authz/roles";

type OwnMembership = { accountId: string; name: string; slug: string; type: AccountType; role: Role };

export function AccountList({ memberships }: { memberships: OwnMembership[] }) {
  if (memberships.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">You are not an active member of any account. Ask an admin to invite you.</p>;
  }
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {memberships.map((membership) => (
        <li key={membership.accountId} className="flex flex-wrap items-center justify-between gap-2 py-2.5">
          <div className="flex min-w-0 items-center gap-2">
            <Link href={`/a/${membership.slug}`} className="truncate font-medium text-accent-600 underline-offset-4 hover:underline dark:text-accent-500">
              {membership.name}
            </Link>
            <Badge>{ACCOUNT_TYPE_LABELS[membership.type]}</Badge>
          </div>
          <span className="text-sm text-zinc-600 dark:text-zinc-400">{ROLE_LABELS[membership.role]}</span>
        </li>
      ))}
    </ul>
  );
}
