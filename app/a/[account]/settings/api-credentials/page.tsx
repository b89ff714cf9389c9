import type { Metadata } from "next";
import { Badge } from "@/app/_components/ui/badge";
import { LocalTime } from "@/app/_components/ui/local-time";
import { PageHeader } from "@/app/_components/ui/page-header";
import { DataTable, EmptyState } from "@/app/_components/ui/table";
import { listApiCredentials } from "@/lib/api/credentials";
import { authorize } from "@/lib/authz/authorize";
import { CreateCredentialForm } from "./_components/create-credential-form";
import { RevokeCredentialButton } from "./_components/revoke-credential-button";

export const metadata: Metadata = { title: "API credentials" };

export default async function ApiCredentialsPage({ params }: { params: Promise<{ account: string }> }) {
  const access = await authorize((await params).account, "account.manage_api_credentials");
  const credentials = await listApiCredentials(access.account.id);
  return (
    <>
      <PageHeader
        title="API credentials"
        description={
          <>
            Let an integration use the users API (<a className="underline" href="/api/v1/openapi.json">OpenAPI</a>) as the person who created the credential, with
            their access, never more. Send the secret as <code>Authorization: Bearer …</code>, or exchange the client id and secret at <code>/api/oauth/token</code>.
          </>
        }
      />
      <div className="max-w-4xl space-y-6">
        <CreateCredentialForm accountSlug={access.account.slug} />
        {credentials.length === 0 ? (
          <EmptyState>No credentials yet.</EmptyState>
        ) : (
          <DataTable minWidth="48rem" columns={["Description", "Secret", "Created by", "Created", "Last used", { label: "Actions", hidden: true }]}>
            {credentials.map((credential) => (
              <tr key={credential.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <td className="px-3 py-2">
                  {credential.description} {credential.revokedAt ? <Badge tone="danger">Revoked</Badge> : null}
                  <span className="block text-xs text-zinc-500">{credential.clientId}</span>
                </td>
                <td className="px-3 py-2 font-mono text-xs">{credential.secretPrefix}…</td>
                <td className="px-3 py-2">{credential.createdBy}</td>
                <td className="px-3 py-2">
                  <LocalTime value={credential.createdAt.toISOString()} />
                </td>
                <td className="px-3 py-2">{credential.lastUsedAt ? <LocalTime value={credential.lastUsedAt.toISOString()} /> : <span className="text-zinc-500">Never</span>}</td>
                <td className="px-3 py-2 text-right">
                  {credential.revokedAt ? null : <RevokeCredentialButton accountSlug={access.account.slug} credentialId={credential.id} description={credential.description} />}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </>
  );
}
