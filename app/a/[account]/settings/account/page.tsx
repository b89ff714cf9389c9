import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { PageHeader } from "@/app/_components/ui/page-header";
import { db } from "@/db/client";
import { findAccountById } from "@/db/queries/accounts";
import { listHolderCandidates } from "@/lib/accounts/transfer-ownership";
import { authorize } from "@/lib/authz/authorize";
import { AccountInfoForm } from "./_components/account-info-form";
import { CloseAccountForm, ReopenAccountButton } from "./_components/close-account-form";
import { TransferOwnershipForm } from "./_components/transfer-ownership-form";
import { TwoFactorRequirementForm } from "./_components/two-factor-requirement-form";

export const metadata: Metadata = { title: "Account settings" };

const SECTION = "space-y-4 rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900";

export default async function AccountSettingsPage({ params }: { params: Promise<{ account: string }> }) {
  const access = await authorize((await params).account, undefined, { allowClosed: true });
  const { account, isHolder } = access;
  if (access.closed) return <ClosedAccount slug={account.slug} name={account.name} />;
  if (!access.can("account.edit_info") && !isHolder) forbidden();
  const current = await findAccountById(account.id);
  const candidates = isHolder ? await listHolderCandidates(db(), account.id, access.session.user.id) : [];

  return (
    <>
      <PageHeader title="Account settings" description={`Information and ownership of ${account.name}.`} />
      <div className="max-w-2xl space-y-6">
        <section aria-labelledby="info-heading" className={SECTION}>
          <h2 id="info-heading" className="font-medium">
            Account information
          </h2>
          <AccountInfoForm
            accountSlug={account.slug}
            canEdit={access.can("account.edit_info")}
            initial={{ name: current!.name, products: current!.products, inviteTtlDays: current!.inviteTtlDays, expectedUpdatedAt: current!.updatedAt.toISOString() }}
          />
        </section>
        {access.can("account.manage_two_factor") ? (
          <section aria-labelledby="two-factor-heading" className={SECTION}>
            <h2 id="two-factor-heading" className="font-medium">
              Two-factor sign-in
            </h2>
            <TwoFactorRequirementForm accountSlug={account.slug} required={current!.twoFactorRequired} />
          </section>
        ) : null}
        {isHolder && access.can("account.transfer_ownership") ? (
          <section aria-labelledby="ownership-heading" className={SECTION}>
            <div className="space-y-1">
              <h2 id="ownership-heading" className="font-medium">
                Ownership
              </h2>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                You are the holder of {account.name}: the one person who can close it or hand it over.
              </p>
            </div>
            <TransferOwnershipForm accountSlug={account.slug} accountName={account.name} candidates={candidates} />
          </section>
        ) : null}
        {access.can("account.close") ? (
          <section aria-labelledby="close-heading" className={`${SECTION} border-red-200 dark:border-red-900`}>
            <div className="space-y-1">
              <h2 id="close-heading" className="font-medium">
                Close the account
              </h2>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                Nobody can use {account.name} once it is closed, you included; its data is kept. The Super Users of its
                network can reopen it.
              </p>
            </div>
            <CloseAccountForm accountSlug={account.slug} accountName={account.name} />
          </section>
        ) : null}
      </div>
    </>
  );
}

// What a network Super User sees of a closed account: the way to reopen it.
function ClosedAccount({ slug, name }: { slug: string; name: string }) {
  return (
    <>
      <PageHeader title="Account settings" description={`${name} is closed.`} />
      <section aria-labelledby="closed-heading" className={`${SECTION} max-w-2xl`}>
        <h2 id="closed-heading" className="font-medium">
          This account is closed
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Its holder closed it. Reopening lets its members sign in and work in it again.
        </p>
        <ReopenAccountButton accountSlug={slug} accountName={name} />
      </section>
    </>
  );
}
