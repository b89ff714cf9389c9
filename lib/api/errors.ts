// Every API error is JSON with a stable code to branch on and a message for people.
export type ApiErrorCode =
  | "unauthenticated"
  | "invalid_token"
  | "forbidden"
  | "account_closed"
  | "not_found"
  | "invalid_request"
  | "conflict";

export function apiError(status: number, code: ApiErrorCode, message: string, details?: Partial<Record<string, string>>): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (status === 401) headers["www-authenticate"] = `Bearer error="${code === "unauthenticated" ? "invalid_request" : "invalid_token"}"`;
  return Response.json({ error: { code, message, ...(details ? { fields: details } : {}) } }, { status, headers });
}
