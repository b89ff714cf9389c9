import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/app/_components/ui/badge";
import { PageHeader } from "@/app/_components/ui/page-header";
import { countChildAccounts } from "@/db/queries/accounts";
import { ACCOUNT_GROUP_LABELS, ACCOUNT_TYPE_LABELS } from "@/lib/account-types";
import { authorize } from "@/lib/authz/authorize";
import { PRODUCT_LABELS } from "@/lib/authz/products";
import { ROLE_LABELS } from "@/lib/authz/roles";

type Params = Promise<{ account: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { account } = await authorize((await params).account);
  return { title: account.name };
}

export default async function AccountHome({ params }: { params: Params }) {
  const { account, role, licenses, via, can } = await authorize((await params).account);
  const children = account.type === "network" ? await countChildAccounts(account.id) : {};
  const childTypes = (["advertiser", "publisher", "profile"] as const).filter((type) => children[type]);

  return (
    <>
      <PageHeader title={account.name} description={`${ACCOUNT_TYPE_LABELS[account.type]} account`} />
      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="access-heading" className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <h2 id="access-heading" className="mb-3 font-medium">
            Your access
          </h2>
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-zinc-500">Role</dt>
              <dd>
                {ROLE_LABELS[role]}
                {via === "network" ? <span className="text-zinc-500"> · through the network</span> : null}
              </dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-zinc-500">Licenses</dt>
              <dd className="flex flex-wrap justify-end gap-1">
                {licenses.map((license) => (
                  <Badge key={license} tone="accent">
                    {PRODUCT_LABELS[license]}
                  </Badge>
                ))}
              </dd>
            </div>
          </dl>
        </section>
        <section aria-labelledby="account-heading" className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <h2 id="account-heading" className="mb-3 font-medium">
            Account
          </h2>
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-zinc-500">Products</dt>
              <dd className="flex flex-wrap justify-end gap-1">
                {account.products.map((product) => (
                  <Badge key={product}>{PRODUCT_LABELS[product]}</Badge>
                ))}
              </dd>
            </div>
            {childTypes.map((type) => (
              <div key={type} className="flex justify-between gap-4">
                <dt className="text-zinc-500">{ACCOUNT_GROUP_LABELS[type]}</dt>
                <dd>{children[type]?.toLocaleString("en-US")}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {can("users.view") ? (
          <Link href={`/a/${account.slug}/settings/users`} className="text-accent-600 underline underline-offset-4 dark:text-accent-500">
            See who can reach {account.name}
          </Link>
        ) : null}
        <Link href={`/a/${account.slug}/settings/roles`} className="text-accent-600 underline underline-offset-4 dark:text-accent-500">
          Learn more about roles
        </Link>
      </p>
    </>
  );
}
