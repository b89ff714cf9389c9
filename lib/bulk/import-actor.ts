import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { findAccountAccess } from "@/db/queries/accounts";
import { accounts, users, type BulkImport } from "@/db/schema";
import { permissionsOfAccess } from "@/lib/authz/access-permissions";
import type { InvitingActor } from "@/lib/invitations/invite-member";

export type ImportActor = InvitingActor & { account: { slug: string; name: string } };

/**
 * The uploader as the apply step acts: their access to the import's account as
 * it is now, read the way authorize() reads it, or undefined once they may no
 * longer manage users in bulk there (removed, demoted, the account closed).
 * Read before each chunk's transaction; the chunk then re-checks the role
 * under the account's lock, as every member edit does.
 */
export async function importActor(record: Pick<BulkImport, "accountId" | "uploadedByUserId">): Promise<ImportActor | undefined> {
  const [found] = await db()
    .select({ slug: accounts.slug, name: users.name })
    .from(accounts)
    .innerJoin(users, eq(users.id, record.uploadedByUserId))
    .where(eq(accounts.id, record.accountId));
  if (!found) return undefined;
  const access = await findAccountAccess(record.uploadedByUserId, found.slug);
  // A closed account takes no changes, even from the network's Super Users who can still open it.
  if (!access || access.account.closedAt) return undefined;
  const permissions = permissionsOfAccess(access, record.uploadedByUserId);
  if (!permissions.has("users.bulk_manage")) return undefined;
  return { ...access, permissions, session: { user: { id: record.uploadedByUserId, name: found.name } } };
}
