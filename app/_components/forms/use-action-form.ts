"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action";

type Message = { tone: "success" | "error"; text: string };

type Options<Input extends FieldValues, Output, Data> = {
  schema: z.ZodType<Output, Input>;
  defaultValues: DefaultValues<Input>;
  action: (values: Input) => Promise<ActionResult<Data>>;
  // Shown in the form once saved; forms in a dialog usually say it with a toast in onSuccess instead.
  successMessage?: string;
  onSuccess?: (data: Data, values: Input) => void;
  resetAfterSuccess?: boolean;
};

/**
 * A react-hook-form form submitted to a server action: the same zod schema
 * checks it in the browser, the action's field errors land on their fields,
 * and a message says how it went.
 */
export function useActionForm<Input extends FieldValues, Output, Data = unknown>({
  schema,
  defaultValues,
  action,
  successMessage,
  onSuccess,
  resetAfterSuccess = false,
}: Options<Input, Output, Data>) {
  const [message, setMessage] = useState<Message>();
  const [pending, startTransition] = useTransition();
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(schema), defaultValues });

  // The action gets what was typed, not the browser's parsed output: the server parses it again with the same schema.
  const onSubmit = form.handleSubmit(() => {
    const values = form.getValues();
    setMessage(undefined);
    startTransition(async () => {
      const result = await action(values);
      if (result.ok) {
        // The saved values become the new baseline, so the form is clean again.
        form.reset(resetAfterSuccess ? defaultValues : values);
        if (successMessage) setMessage({ tone: "success", text: successMessage });
        onSuccess?.(result.data, values);
        return;
      }
      setMessage({ tone: "error", text: result.error });
      for (const [field, text] of Object.entries(result.fieldErrors ?? {})) form.setError(field as Path<Input>, { message: text });
    });
  });

  return { form, onSubmit, pending, message };
}
