import type { Metadata } from "next";
import { UsersRound } from "lucide-react";
import { PageHeader } from "@/app/_components/ui/page-header";
import { authorize } from "@/lib/authz/authorize";

export const metadata: Metadata = { title: "Users" };

export default async function UsersSettingsPage({ params }: { params: Promise<{ account: string }> }) {
  const { account } = await authorize((await params).account, "users.view");
  return (
    <>
      <PageHeader title="Users" description={`People who can sign in to ${account.name}, their roles and licenses.`} />
      <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center dark:border-zinc-700 dark:bg-zinc-900">
        <UsersRound aria-hidden="true" className="size-8 text-zinc-400" />
        <h2 className="font-medium">The users table is on its way</h2>
        <p className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">
          Soon you will search, invite and edit the people of {account.name} here. Until then, demo users are created by
          the seed and first admins with <code className="font-mono text-xs">npm run create-admin</code>.
        </p>
      </div>
    </>
  );
}
