import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { endOpenInvitation, insertInvitation } from "@/db/queries/invitations";
import { accounts, type Membership } from "@/db/schema";
import { queueEmail } from "@/lib/email/send";
import { appUrl } from "@/lib/env";
import { ROLE_LABELS } from "@/lib/authz/roles";
import type { Actor } from "@/lib/members/membership-guards";

export type IssuedInvitation = { inviteUrl: string; expiresAt: Date; emailId?: string };

export function invitationUrl(token: string): string {
  return `${appUrl()}/invite/${token}`;
}

/**
 * Gives an invited membership a fresh link, ending the one it had (its page
 * then says it was replaced), and emails it unless the admin copies it instead.
 * The link lives as long as the account's invite expiry says.
 */
export async function issueInvitationLink(
  tx: Transaction,
  actor: Actor & { session: { user: { name: string } } },
  invited: { membership: Pick<Membership, "id" | "role">; email: string; name: string | null },
  delivery: "email" | "copy",
): Promise<IssuedInvitation> {
  const [account] = await tx.select({ ttlDays: accounts.inviteTtlDays }).from(accounts).where(eq(accounts.id, actor.account.id));
  await endOpenInvitation(tx, invited.membership.id, "replaced");
  const { token, expiresAt } = await insertInvitation(tx, {
    accountId: actor.account.id,
    membershipId: invited.membership.id,
    email: invited.email,
    name: invited.name,
    invitedByUserId: actor.session.user.id,
    ttlDays: account?.ttlDays ?? 7,
  });
  const inviteUrl = invitationUrl(token);
  if (delivery === "copy") return { inviteUrl, expiresAt };
  const emailId = await queueEmail(tx, {
    template: "invitation",
    to: invited.email,
    props: {
      accountName: actor.account.name,
      inviterName: actor.session.user.name,
      roleLabel: ROLE_LABELS[invited.membership.role],
      inviteUrl,
      expiresAt,
    },
  });
  return { inviteUrl, expiresAt, emailId };
}
