"use client";

import { MoreVertical } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { Dialog, DialogContent } from "@/app/_components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/app/_components/ui/dropdown-menu";
import { Input } from "@/app/_components/ui/field";
import { useFormatDateTime } from "@/app/_components/ui/time-display";
import { toast } from "@/app/_components/ui/toaster";
import type { ActionResult } from "@/lib/action";
import {
  copyInviteLink,
  deactivateMember,
  deleteMember,
  reactivateMember,
  resendInvite,
  revokeInvite,
  sendPasswordReset,
} from "../actions";

export type MemberOptionsProps = {
  accountSlug: string;
  accountName: string;
  editHref: string;
  member: { membershipId: string; name: string; email: string; status: "active" | "deactivated" | "invited" };
  // What the caller may do to this row, decided on the server.
  can: { edit: boolean; invite: boolean; delete: boolean; actOnPerson: boolean };
};

type Confirmation = "deactivate" | "delete" | "revoke";
type MemberAction = (accountSlug: string, input: { membershipId: string }) => Promise<ActionResult<unknown>>;

/** The ⋮ menu at the end of a user's row: only what the caller may do to this person. */
export function MemberOptions({ accountSlug, accountName, editHref, member, can }: MemberOptionsProps) {
  const [confirming, setConfirming] = useState<Confirmation>();
  const [newLink, setNewLink] = useState<{ url: string; copied: boolean }>();
  const [pending, startTransition] = useTransition();
  const formatExpiry = useFormatDateTime();
  const invited = member.status === "invited";

  function run(action: MemberAction, success: string | ((data: unknown) => string)) {
    startTransition(async () => {
      const result = await action(accountSlug, { membershipId: member.membershipId });
      setConfirming(undefined);
      if (result.ok) toast.success(typeof success === "string" ? success : success(result.data));
      else toast.error(result.error);
    });
  }

  function copyLink() {
    startTransition(async () => {
      const result = await copyInviteLink(accountSlug, { membershipId: member.membershipId });
      if (!result.ok) return void toast.error(result.error);
      // The clipboard may be unavailable (plain HTTP, permissions): the dialog shows the link either way.
      const copied = await navigator.clipboard?.writeText(result.data.inviteUrl).then(() => true, () => false);
      setNewLink({ url: result.data.inviteUrl, copied: copied ?? false });
    });
  }

  const items = [
    can.edit && { key: "edit", node: <DropdownMenuItem asChild><Link href={editHref} scroll={false}>Edit</Link></DropdownMenuItem> },
    can.invite && invited && {
      key: "resend",
      node: <DropdownMenuItem onSelect={() => run(resendInvite, (data) => `Invite sent again to ${member.email} — the new link works until ${formatExpiry((data as { expiresAt: string }).expiresAt)}. The earlier link no longer works.`)}>Resend invite</DropdownMenuItem>,
    },
    can.invite && invited && { key: "copy", node: <DropdownMenuItem onSelect={copyLink}>Copy invite link</DropdownMenuItem> },
    can.invite && invited && { key: "revoke", node: <DropdownMenuItem onSelect={() => setConfirming("revoke")}>Revoke invite</DropdownMenuItem> },
    can.actOnPerson && member.status === "active" && {
      key: "reset",
      node: <DropdownMenuItem onSelect={() => run(sendPasswordReset, `Password reset link sent to ${member.email}. It works for 1 hour.`)}>Send password reset</DropdownMenuItem>,
    },
    can.edit && member.status === "active" && { key: "deactivate", node: <DropdownMenuItem onSelect={() => setConfirming("deactivate")}>Deactivate</DropdownMenuItem> },
    can.edit && member.status === "deactivated" && {
      key: "reactivate",
      node: <DropdownMenuItem onSelect={() => run(reactivateMember, `${member.name} is active again.`)}>Reactivate</DropdownMenuItem>,
    },
  ].filter((item) => item !== false);
  const canDelete = can.delete && !invited;
  if (items.length === 0 && !canDelete) return null;

  return (
    <>
      {/* Not modal: a modal menu hides the rest of the page from assistive technology while open. */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="sm" aria-label={`Options for ${member.name}`} disabled={pending}>
            <MoreVertical className="size-4" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent inline>
          {items.map((item) => (
            <span key={item.key} className="contents">
              {item.node}
            </span>
          ))}
          {canDelete ? (
            <>
              {items.length > 0 ? <DropdownMenuSeparator /> : null}
              <DropdownMenuItem className="text-red-700 dark:text-red-400" onSelect={() => setConfirming("delete")}>
                Delete
              </DropdownMenuItem>
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>

      <ConfirmDialog
        open={confirming === "deactivate"}
        onOpenChange={(open) => !open && setConfirming(undefined)}
        title={`Deactivate ${member.name}?`}
        description={`${member.name} loses access to ${accountName} on their next page load. Their role and settings are kept: reactivate them from this menu to undo.`}
        confirmLabel="Deactivate"
        destructive
        pending={pending}
        onConfirm={() => run(deactivateMember, `${member.name} is deactivated. Reactivate them from the ⋮ menu to undo.`)}
      />
      <ConfirmDialog
        open={confirming === "delete"}
        onOpenChange={(open) => !open && setConfirming(undefined)}
        title={`Delete ${member.name}?`}
        description={`${member.name} (${member.email}) loses access to ${accountName}, and their role and permission settings here are deleted. Other accounts they belong to are not affected. To give access again, invite them anew.`}
        confirmLabel="Delete"
        destructive
        pending={pending}
        onConfirm={() => run(deleteMember, `${member.name} was removed from ${accountName}.`)}
      />
      <ConfirmDialog
        open={confirming === "revoke"}
        onOpenChange={(open) => !open && setConfirming(undefined)}
        title={`Revoke the invitation for ${member.email}?`}
        description="The link in their email stops working. You can invite them again later."
        confirmLabel="Revoke invite"
        destructive
        pending={pending}
        onConfirm={() => run(revokeInvite, `The invitation for ${member.email} was revoked.`)}
      />
      <Dialog open={newLink !== undefined} onOpenChange={(open) => !open && setNewLink(undefined)}>
        <DialogContent
          title="New invite link"
          description={`Send this link to ${member.email} yourself. The link in the earlier email no longer works; this one works once.`}
        >
          <label htmlFor={`invite-link-${member.membershipId}`} className="mb-1.5 block text-sm font-medium">
            Invite link{newLink?.copied ? " (copied to the clipboard)" : ""}
          </label>
          <Input id={`invite-link-${member.membershipId}`} readOnly value={newLink?.url ?? ""} onFocus={(event) => event.target.select()} />
        </DialogContent>
      </Dialog>
    </>
  );
}
