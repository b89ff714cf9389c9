import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/** An expected refusal (a conflict, a rule) whose message the form shows as it is. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

/** The first message per field, keyed by the field's path ("email", "overrides.calls.mention"). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
  return fieldErrors;
}
