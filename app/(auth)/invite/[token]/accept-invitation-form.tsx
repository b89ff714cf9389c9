"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/user";
import { acceptAsExistingPersonSchema, acceptAsNewPersonSchema } from "@/lib/validation/accept-invite";
import { acceptAsExistingPerson, acceptAsNewPerson, acceptAsSignedIn, type AcceptFormResult } from "./actions";

type Props = { token: string; mode: "new-person" | "existing-person" | "signed-in"; defaultName: string };
type Values = { token: string; name: string; password: string };

const SCHEMAS = { "new-person": acceptAsNewPersonSchema, "existing-person": acceptAsExistingPersonSchema, "signed-in": undefined };
const ACTIONS = { "new-person": acceptAsNewPerson, "existing-person": acceptAsExistingPerson, "signed-in": acceptAsSignedIn };

/** Accepting: a new person names themselves and sets a password; anyone with a login proves it or just confirms. */
export function AcceptInvitationForm({ token, mode, defaultName }: Props) {
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const schema = SCHEMAS[mode];
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    // Each mode validates only its own fields; the schemas ignore the rest.
    resolver: schema ? (zodResolver(schema) as unknown as Resolver<Values>) : undefined,
    defaultValues: { token, name: defaultName, password: "" },
  });

  const onSubmit = handleSubmit((values) => {
    setFormError(undefined);
    startTransition(async () => {
      const result: AcceptFormResult = await ACTIONS[mode](values);
      setFormError(result.error);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        if (field === "name" || field === "password") setError(field, { message });
      }
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {mode === "new-person" ? (
        <>
          <TextField id="accept-name" label="Your name" autoComplete="name" error={formState.errors.name?.message} {...register("name")} />
          <TextField
            id="accept-password"
            label="Choose a password"
            type="password"
            autoComplete="new-password"
            help={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`}
            error={formState.errors.password?.message}
            {...register("password")}
          />
        </>
      ) : mode === "existing-person" ? (
        <TextField
          id="accept-password"
          label="Your Rolecall password"
          type="password"
          autoComplete="current-password"
          help="You already have a Rolecall login: enter its password to accept."
          error={formState.errors.password?.message}
          {...register("password")}
        />
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : mode === "new-person" ? "Set password and join" : "Accept invitation"}
      </Button>
      {mode === "existing-person" ? (
        <p className="text-center text-sm">
          <a href="/forgot-password" className="text-accent-600 underline underline-offset-4 dark:text-accent-500">
            Forgot your password?
          </a>
        </p>
      ) : null}
    </form>
  );
}
