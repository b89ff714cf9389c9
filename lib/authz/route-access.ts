import { NextResponse } from "next/server";
import { checkAccess, type AccessContext } from "./authorize";
import type { PermissionKey } from "./permissions";

const STATUS = { "signed-out": 401, "not-found": 404, forbidden: 403, closed: 403 } as const;
const MESSAGES = {
  "signed-out": "Sign in first.",
  "not-found": "Not found.",
  forbidden: "You do not have permission to do this.",
  closed: "This account is closed.",
} as const;

/** authorize() for route handlers: the access context, or the JSON error response to return. */
export async function authorizeRoute(
  accountSlug: string,
  permission?: PermissionKey,
): Promise<{ access: AccessContext; denied?: undefined } | { access?: undefined; denied: NextResponse }> {
  const result = await checkAccess(accountSlug, permission);
  if (result.ok) return { access: result.context };
  return { denied: NextResponse.json({ error: MESSAGES[result.failure] }, { status: STATUS[result.failure] }) };
}
