"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { FilterSelect } from "@/app/_components/ui/filter-fields";
import { toast } from "@/app/_components/ui/toaster";
import { resetTwoFactor, setTwoFactorRequirement } from "../actions";
import type { MemberDetail } from "./member-detail";

type Props = { accountSlug: string; member: MemberDetail; coversPerson: boolean; canManage: boolean; accountRequires: boolean };

/** The second factor in the Security tab: its state, this member's requirement, and a reset for a lost phone. */
export function MemberTwoFactor({ accountSlug, member, coversPerson, canManage, accountRequires }: Props) {
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [required, setRequired] = useState(member.twoFactorRequired);

  const saveRequirement = (next: boolean) =>
    startTransition(async () => {
      const result = await setTwoFactorRequirement(accountSlug, { membershipId: member.membershipId, required: next });
      if (result.ok) {
        setRequired(next);
        toast.success(next ? `${member.name} must now use two-factor sign-in.` : `Two-factor sign-in is optional for ${member.name}.`);
      } else toast.error(result.error);
    });
  const reset = () =>
    startTransition(async () => {
      const result = await resetTwoFactor(accountSlug, { membershipId: member.membershipId });
      setConfirming(false);
      if (result.ok) toast.success(`${member.name}'s two-factor sign-in was reset. They set it up again at their next sign-in.`);
      else toast.error(result.error);
    });

  return (
    <div className="space-y-4">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        Two-factor sign-in: {member.twoFactorEnabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}
        {accountRequires ? <Badge tone="accent">Required for everyone in this account</Badge> : null}
      </p>
      {canManage && !accountRequires ? (
        <form
          className="flex items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            saveRequirement(new FormData(event.currentTarget).get("required") === "required");
          }}
        >
          <FilterSelect
            id="member-two-factor-required"
            name="required"
            label="For this member"
            value={required ? "required" : "optional"}
            options={[
              ["optional", "Optional"],
              ["required", "Required"],
            ]}
          />
          <Button type="submit" variant="secondary" disabled={pending}>
            Save
          </Button>
        </form>
      ) : null}
      {canManage && coversPerson && member.twoFactorEnabled ? (
        <div className="flex items-center justify-between gap-4">
          <p className="text-sm">
            <span className="block font-medium">Reset two-factor sign-in</span>
            <span className="text-zinc-600 dark:text-zinc-400">For a lost phone: removes their authenticator app and recovery codes and signs them out everywhere.</span>
          </p>
          <Button variant="secondary" disabled={pending} onClick={() => setConfirming(true)}>
            Reset 2FA
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Reset ${member.name}'s two-factor sign-in?`}
        description="Their authenticator app and recovery codes stop working and they are signed out everywhere. If an account requires it, they set it up again when they next sign in."
        confirmLabel="Reset 2FA"
        destructive
        pending={pending}
        onConfirm={reset}
      />
    </div>
  );
}
