import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { accounts, invitations, memberships, users } from "@/db/schema";
import { createOneTimeTokens } from "@/lib/auth/tokens";
import type { Product } from "@/lib/authz/products";
import { ROLE_LABELS, type Role } from "@/lib/authz/roles";
import { queueBulkEmails } from "@/lib/email/send";
import type { InvitingActor } from "./invite-member";
import { invitationUrl } from "./send-invitation";

export type BulkInvitee = { email: string; name: string | null; role: Role; licenses: Product[] };

const DAY_MS = 86_400_000;

/**
 * Invites many people at once, as inviteMember does one: a person per new
 * email (an existing login keeps its own name), an invited membership, a link
 * and its email, all in the caller's transaction, in a handful of set-based
 * statements. The caller holds the account's lock as the actor and has
 * checked each invitee as the single invite form would (the import planner:
 * not a member here yet, nothing beyond what the actor may grant). Returns the
 * queued email ids.
 */
export async function inviteMembersInBulk(tx: Transaction, actor: InvitingActor, invitees: BulkInvitee[]): Promise<string[]> {
  if (invitees.length === 0) return [];
  const people = JSON.stringify(invitees.map(({ email, name }) => ({ email, name: name ?? email.slice(0, email.indexOf("@")) })));
  await tx.execute(sql`
    insert into ${users} (email, name) select p.email, p.name from jsonb_to_recordset(${people}::jsonb) as p(email text, name text)
    on conflict (email) do nothing`);

  const tokens = createOneTimeTokens(invitees.length);
  const links = invitees.map((invitee, i) => ({ ...invitee, ...tokens[i]! }));
  const [account] = await tx.select({ ttlDays: accounts.inviteTtlDays }).from(accounts).where(eq(accounts.id, actor.account.id));
  const expiresAt = new Date(Date.now() + (account?.ttlDays ?? 7) * DAY_MS);
  const rows = JSON.stringify(links.map(({ email, name, role, licenses, hash }) => ({ email, name, role, licenses, hash })));
  // The membership and its link in one statement: the link's row names the membership just made.
  await tx.execute(sql`
    with "invitee" as (
      select i.email, i.name, i.role, i.licenses, i.hash, ${users.id} as user_id, ${users.email} as person_email
      from jsonb_to_recordset(${rows}::jsonb) as i(email text, name text, role text, licenses text[], hash text)
      join ${users} on ${users.email} = i.email),
    "invited" as (
      -- With the sort keys preset: the name the link gives it, so the link's insert need not
      -- rewrite it (migration 0013), and the person's email, so no row trigger looks them up (0023).
      insert into ${memberships} (user_id, account_id, role, licenses, status, sort_name, sort_email)
      select user_id, ${actor.account.id}::uuid, role::role, licenses::product[], 'invited', lower(coalesce(name, email)), person_email from "invitee"
      returning id, user_id)
    insert into ${invitations} (account_id, membership_id, email, name, invited_by_user_id, token_hash, expires_at)
    select ${actor.account.id}::uuid, "invited".id, "invitee".email, "invitee".name, ${actor.session.user.id}::uuid, "invitee".hash, ${expiresAt.toISOString()}::timestamptz
    from "invited" join "invitee" using (user_id)`);

  return queueBulkEmails(
    tx,
    links.map(({ email, role, token }) => ({
      template: "invitation" as const,
      to: email,
      props: { accountName: actor.account.name, inviterName: actor.session.user.name, roleLabel: ROLE_LABELS[role], inviteUrl: invitationUrl(token), expiresAt },
    })),
  );
}
