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
