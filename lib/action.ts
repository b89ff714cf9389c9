import type { z } from "zod";
import { db, type Transaction } from "@/db/client";
import { getSession, type CurrentSession } from "@/lib/auth/session";
import { checkAccess, type AccessContext, type Authorization } from "@/lib/authz/authorize";
import type { PermissionKey } from "@/lib/authz/permissions";
import { ActionError, fieldErrorsOf, type FieldErrors } from "./action-error";
import { describeError } from "./describe-error";

export { ActionError, fieldErrorsOf, type FieldErrors } from "./action-error";
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

const FAILURE_MESSAGES: Record<Exclude<Authorization, { ok: true }>["failure"], string> = {
  "signed-out": "Your session has ended. Sign in again to continue.",
  "not-found": "This account does not exist or you do not have access to it.",
  forbidden: "You do not have permission to do this.",
  closed: "This account is closed. Its network's Super Users can reopen it.",
};

type ActionDefinition<Schema extends z.ZodType, T> = {
  input: Schema;
  permission: PermissionKey;
  // Only reopening runs on a closed account.
  allowClosed?: boolean;
  run: (args: { input: z.output<Schema>; access: AccessContext; tx: Transaction }) => Promise<T>;
  // Runs once the transaction has committed, e.g. to hand queued emails to the
  // delivery job; what it does must not undo or fail the committed change.
  afterCommit?: (data: T) => Promise<void>;
};

/**
 * The one way to write a server action that changes an account's data:
 * parse the input with its zod schema, authorize the caller for the account
 * and permission, run in a transaction, and answer a result the form shows
 * field by field. Nothing is written unless every step passes.
 * (The audit event joins here with the audit log.)
 */
export function accountAction<Schema extends z.ZodType, T>(definition: ActionDefinition<Schema, T>) {
  return async (accountSlug: string, rawInput: unknown): Promise<ActionResult<T>> => {
    const authorization = await checkAccess(String(accountSlug), definition.permission, {
      allowClosed: definition.allowClosed,
    });
    if (!authorization.ok) return { ok: false, error: FAILURE_MESSAGES[authorization.failure] };

    return parseAndRun(definition.input, rawInput, (input, tx) => definition.run({ input, access: authorization.context, tx }), definition.afterCommit);
  };
}

type SelfActionDefinition<Schema extends z.ZodType, T> = {
  input: Schema;
  run: (args: { input: z.output<Schema>; session: CurrentSession; tx: Transaction }) => Promise<T>;
  // As for accountAction: runs once the transaction has committed.
  afterCommit?: (data: T, session: CurrentSession) => Promise<void>;
  // Runs first, outside the transaction, so what it records stays when the change fails (an attempt
  // counted against a limit); a message it returns refuses the action.
  before?: (session: CurrentSession) => Promise<string | undefined>;
};

/**
 * The server-action wrapper for what a signed-in person does to their own
 * person (their name, password, preferences), in no account in particular:
 * requires a live session, then parses, runs in a transaction and answers
 * exactly like accountAction().
 */
export function selfAction<Schema extends z.ZodType, T>(definition: SelfActionDefinition<Schema, T>) {
  return async (rawInput: unknown): Promise<ActionResult<T>> => {
    const session = await getSession();
    if (!session) return { ok: false, error: FAILURE_MESSAGES["signed-out"] };
    const refused = await definition.before?.(session);
    if (refused) return { ok: false, error: refused };

    return parseAndRun(definition.input, rawInput, (input, tx) => definition.run({ input, session, tx }), (data) =>
      definition.afterCommit ? definition.afterCommit(data, session) : Promise.resolve(),
    );
  };
}

const UNEXPECTED = "Something went wrong on our side, and nothing was saved. Try again in a moment.";

/**
 * What both wrappers do once the caller is known: parse, run in one
 * transaction, then the after-commit work. An ActionError becomes the form's
 * message; anything else is logged by name only (a failed query's message
 * carries its parameters, which can be tokens or emails) and answered plainly.
 */
export async function parseAndRun<Schema extends z.ZodType, T>(
  schema: Schema,
  rawInput: unknown,
  run: (input: z.output<Schema>, tx: Transaction) => Promise<T>,
  afterCommit?: (data: T) => Promise<void>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(rawInput);
  if (!parsed.success) {
    return { ok: false, error: "Some fields need your attention.", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  let data: T;
  try {
    data = await db().transaction((tx) => run(parsed.data, tx));
  } catch (error) {
    if (error instanceof ActionError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
    if (isNavigation(error)) throw error;
    console.error("[action] failed:", describeError(error));
    return { ok: false, error: UNEXPECTED };
  }
  await afterCommit?.(data);
  return { ok: true, data };
}

// redirect() and notFound() travel as exceptions that Next.js must receive.
function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND)/.test(digest);
}

