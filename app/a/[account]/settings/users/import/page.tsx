import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { authorize } from "@/lib/authz/authorize";
import { ImportPreview } from "./_components/import-preview";

export const metadata: Metadata = { title: "Import users" };

export default async function ImportUsersPage({ params }: { params: Promise<{ account: string }> }) {
  const { account } = await authorize((await params).account, "users.bulk_manage");
  const usersPath = `/a/${account.slug}/settings/users`;
  return (
    <>
      <PageHeader
        title="Import users"
        description={
          <>
            Check a spreadsheet of users for {account.name} before anything changes: each row is shown as an invitation, a change, a
            deletion or a problem. Start from the{" "}
            <a href={`${usersPath}/template`} download className="text-accent-600 underline underline-offset-4 dark:text-accent-500">
              import template
            </a>{" "}
            or an export of the <Link href={usersPath} className="text-accent-600 underline underline-offset-4 dark:text-accent-500">users table</Link>.
          </>
        }
      />
      <ImportPreview accountSlug={account.slug} importsPath={`${usersPath}/import`} />
    </>
  );
}
