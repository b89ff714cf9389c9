"use client";

import { useState } from "react";
import { useActionForm } from "@/app/_components/forms/use-action-form";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { toast } from "@/app/_components/ui/toaster";
import type { NewCredential } from "@/lib/api/credentials";
import { createCredentialSchema } from "@/lib/validation/api-credentials";
import { createCredential } from "../actions";

export function CreateCredentialForm({ accountSlug }: { accountSlug: string }) {
  const [created, setCreated] = useState<NewCredential>();
  const { form, onSubmit, pending, message } = useActionForm({
    schema: createCredentialSchema,
    defaultValues: { description: "" },
    action: (input) => createCredential(accountSlug, input),
    resetAfterSuccess: true,
    onSuccess: (data: NewCredential) => setCreated(data),
  });
  return (
    <div className="space-y-4">
      {created ? (
        <div className="space-y-2">
          <Alert tone="success">Credential created. Copy the secret now: it is not shown again.</Alert>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="font-medium">Client id</dt>
            <dd>
              <code data-testid="client-id">{created.clientId}</code>
            </dd>
            <dt className="font-medium">Secret</dt>
            <dd className="break-all">
              <code data-testid="client-secret">{created.secret}</code>
            </dd>
          </dl>
          <Button type="button" variant="secondary" onClick={() => navigator.clipboard.writeText(created.secret).then(() => toast.success("Secret copied."))}>
            Copy secret
          </Button>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-busy={pending}>
        {message && message.tone === "error" ? <Alert tone="error">{message.text}</Alert> : null}
        <div className="min-w-64 flex-1">
          <TextField id="credential-description" label="What it is for" placeholder="CRM sync" error={form.formState.errors.description?.message} {...form.register("description")} />
        </div>
        <div className="pb-5">
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create credential"}
          </Button>
        </div>
      </form>
    </div>
  );
}
