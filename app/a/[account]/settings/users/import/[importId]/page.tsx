import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/_components/ui/page-header";
import { db } from "@/db/client";
import { authorize } from "@/lib/authz/authorize";
import { importProgress } from "@/lib/bulk/import-progress";
import { isUuid } from "@/lib/validation/ids";
import { ImportProgressView } from "../_components/import-progress-view";

export const metadata: Metadata = { title: "Import users" };

type Props = { params: Promise<{ account: string; importId: string }> };

/** One import: its progress while the job runs (the page can be reloaded or left), then its results. */
export default async function ImportPage({ params }: Props) {
  const { account: slug, importId } = await params;
  const { account } = await authorize(slug, "users.bulk_manage");
  const progress = isUuid(importId) ? await importProgress(db(), account.id, importId) : undefined;
  if (!progress) notFound();
  const importsPath = `/a/${account.slug}/settings/users/import`;
  return (
    <>
      <PageHeader
        title="Import users"
        description={
          <>
            {progress.fileName} in {account.name}.{" "}
            <Link href={`/a/${account.slug}/settings/users`} className="text-accent-600 underline underline-offset-4 dark:text-accent-500">
              Back to users
            </Link>
          </>
        }
      />
      <ImportProgressView initial={progress} statusUrl={`${importsPath}/${progress.id}/status`} resultUrl={`${importsPath}/${progress.id}/result`} importsPath={importsPath} />
    </>
  );
}
