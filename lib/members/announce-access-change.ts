import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { latestInviteeName } from "@/db/queries/invitations";
import { users, type Membership } from "@/db/schema";
import { accessChangeLines, describeAccessChange } from "@/lib/authz/access-change";
import { parseOverrides } from "@/lib/authz/effective";
import { appUrl } from "@/lib/env";
import type { InvitingActor } from "@/lib/invitations/invite-member";
import { issueInvitationLink } from "@/lib/invitations/send-invitation";
import { sendNotifications } from "@/lib/notifications/send-notifications";

/**
 * Tells a member what their admin changed, in the same transaction: an active
 * member is notified (in the bell, and with the "your access changed" email,
 * as their settings say); an invitee gets a fresh link instead, since a link
 * grants only what was granted when it was sent. Returns the queued email's
 * id, for delivery after commit.
 */
export async function announceAccessChange(
  tx: Transaction,
  actor: InvitingActor & { account: { slug: string } },
  before: Membership,
  after: Membership,
): Promise<string | undefined> {
  const [person] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, after.userId));
  if (after.status === "invited") {
    const name = await latestInviteeName(tx, after.id);
    return (await issueInvitationLink(tx, actor, { membership: after, email: person!.email, name }, "email")).emailId;
  }
  if (after.status !== "active") return undefined;
  const grantOf = (m: Membership) => ({ role: m.role, licenses: m.licenses, overrides: parseOverrides(m.overrides) });
  const changes = accessChangeLines(describeAccessChange(grantOf(before), grantOf(after), actor.account));
  if (changes.length === 0) return undefined;
  const [emailId] = await sendNotifications(tx, [
    {
      userId: after.userId,
      accountId: after.accountId,
      accountName: actor.account.name,
      kind: "access_changed",
      title: `Your access to ${actor.account.name} changed`,
      body: changes.join("\n"),
      link: `/a/${actor.account.slug}`,
      email: {
        template: "access-changed",
        to: person!.email,
        props: { name: person!.name, accountName: actor.account.name, changes, accountUrl: `${appUrl()}/a/${actor.account.slug}` },
      },
    },
  ]);
  return emailId;
}
