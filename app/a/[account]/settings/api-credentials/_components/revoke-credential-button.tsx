"use client";

import { useState, useTransition } from "react";
import { Button } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { toast } from "@/app/_components/ui/toaster";
import { revokeCredential } from "../actions";

export function RevokeCredentialButton({ accountSlug, credentialId, description }: { accountSlug: string; credentialId: string; description: string }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`Revoke ${description}`}>
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Revoke ${description}?`}
        description="Integrations using its secret or its access tokens stop working on their next call. This cannot be undone."
        confirmLabel="Revoke"
        destructive
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await revokeCredential(accountSlug, { credentialId });
            setOpen(false);
            if (result.ok) toast.success(`${description} was revoked.`);
            else toast.error(result.error);
          })
        }
      />
    </>
  );
}
