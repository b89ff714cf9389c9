"use client";

import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { profileNameSchema } from "@/lib/validation/profile";
import { updateName } from "../actions";
import { useActionForm } from "@/app/_components/forms/use-action-form";

export function NameForm({ name }: { name: string }) {
  const { form, onSubmit, pending, message } = useActionForm({
    schema: profileNameSchema,
    defaultValues: { name },
    action: updateName,
    successMessage: "Name saved.",
  });
  const { errors, isDirty } = form.formState;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <TextField id="name" label="Name" error={errors.name?.message} autoComplete="name" {...form.register("name")} />
      <Button type="submit" disabled={pending || !isDirty}>
        {pending ? "Saving…" : "Save name"}
      </Button>
    </form>
  );
}
