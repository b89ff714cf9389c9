"use client";

import { useTransition } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { toast } from "@/app/_components/ui/toaster";
import type { ActionResult } from "@/lib/action";
import { sendPasswordReset, signOutMemberEverywhere } from "../actions";
import type { MemberDetail } from "./member-detail";
import { MemberTwoFactor } from "./member-two-factor";

type Props = { accountSlug: string; member: MemberDetail; coversPerson: boolean; twoFactor: { canManage: boolean; accountRequires: boolean } };

export function MemberSecurityTab({ accountSlug, member, coversPerson, twoFactor }: Props) {
  const [pending, startTransition] = useTransition();
  const act = (action: (slug: string, input: { membershipId: string }) => Promise<ActionResult<unknown>>, success: string) =>
    startTransition(async () => {
      const result = await action(accountSlug, { membershipId: member.membershipId });
      if (result.ok) toast.success(success);
      else toast.error(result.error);
    });

  return (
    <div className="space-y-5">
      <MemberTwoFactor accountSlug={accountSlug} member={member} coversPerson={coversPerson} {...twoFactor} />
      {!coversPerson ? (
        <Alert tone="info">This person also belongs to accounts you do not manage, so only admins of all their accounts can reset their password or sign them out.</Alert>
      ) : member.status !== "active" ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Password and session controls apply once the person is active.</p>
      ) : (
        <div className="space-y-4">
          <div className="flex items-center justify-between gap-4">
            <p className="text-sm">
              <span className="block font-medium">Send password reset</span>
              <span className="text-zinc-600 dark:text-zinc-400">Emails a link that works for 1 hour. Their current password keeps working until they use it.</span>
            </p>
            <Button variant="secondary" disabled={pending} onClick={() => act(sendPasswordReset, `Password reset link sent to ${member.email}.`)}>
              Send reset link
            </Button>
          </div>
          <div className="flex items-center justify-between gap-4">
            <p className="text-sm">
              <span className="block font-medium">Sign out everywhere</span>
              <span className="text-zinc-600 dark:text-zinc-400">Ends all of their sessions on every device; they sign in again with their password.</span>
            </p>
            <Button variant="secondary" disabled={pending} onClick={() => act(signOutMemberEverywhere, `${member.name} was signed out everywhere.`)}>
              Sign out everywhere
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
