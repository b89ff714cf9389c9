import type { Metadata } from "next";
import Link from "next/link";
import { getSession } from "@/lib/auth/session";
import { describeInvitation, type InvitationState } from "@/lib/invitations/accept-invitation";
import { signOutAction } from "@/app/_components/shell/actions";
import { Button } from "@/app/_components/ui/button";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const metadata: Metadata = { title: "Accept your invitation", referrer: "no-referrer" };

type DeadState = Exclude<InvitationState["state"], "open">;

const DEAD_LINKS: Record<DeadState, { title: string; text: string }> = {
  unknown: { title: "This invitation link does not work", text: "It may have been cut short: open the whole link from the email. If it still fails, ask your admin to resend the invitation." },
  expired: { title: "This invitation has expired", text: "Invitation links work for a limited time. Ask your admin to resend the invitation." },
  accepted: { title: "This invitation was already accepted", text: "Each invitation link works once. Sign in with your email and password." },
  replaced: { title: "A newer invitation replaced this one", text: "Your admin sent a new link, so this one stopped working. Use the link in the most recent email, or ask your admin to resend it." },
  revoked: { title: "This invitation was withdrawn", text: "An admin revoked it. If you still need access, ask your admin to invite you again." },
  email_changed: { title: "This invitation went to another address", text: "Your admin changed the email address of the invitation, so this link stopped working. Ask your admin if you still need access." },
  void: { title: "This invitation is no longer valid", text: "The person who sent it can no longer grant this access. Ask an admin of the account to invite you again." },
  closed: { title: "This account is closed", text: "The account you were invited to has been closed, so the invitation cannot be accepted." },
};

const linkClass = "text-sm text-accent-600 underline underline-offset-4 dark:text-accent-500";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const current = await describeInvitation(token);
  if (current.state !== "open") {
    const { title, text } = DEAD_LINKS[current.state];
    return (
      <div className="space-y-3">
        <h1 className="text-xl font-semibold">{title}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
        <Link href="/sign-in" className={linkClass}>
          Go to sign in
        </Link>
      </div>
    );
  }

  const { invitation } = current;
  const session = await getSession();
  const heading = (
    <div className="space-y-1">
      <h1 className="text-xl font-semibold">Join {invitation.account.name}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {invitation.inviterName ?? "An admin"} invited <span className="font-medium text-zinc-900 dark:text-zinc-100">{invitation.email}</span> to{" "}
        {invitation.account.name} on Rolecall.
      </p>
    </div>
  );

  if (session && session.user.id !== invitation.userId) {
    return (
      <div className="space-y-4">
        {heading}
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
          This invitation is for another email address. You are signed in as {session.user.email}. Sign out, then open the link again.
        </p>
        <form action={signOutAction}>
          <Button type="submit" variant="secondary">
            Sign out
          </Button>
        </form>
      </div>
    );
  }

  const mode = session ? "signed-in" : invitation.userHasPassword ? "existing-person" : "new-person";
  return (
    <div className="space-y-5">
      {heading}
      <AcceptInvitationForm token={token} mode={mode} defaultName={invitation.inviteeName ?? invitation.userName ?? ""} />
    </div>
  );
}
