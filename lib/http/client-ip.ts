import { headers } from "next/headers";

/** Where a request came from, for the limits and the audit log. */
export function requestOriginOf(headers: Headers): { ip: string; userAgent: string | null } {
  return { ip: clientIp(headers), userAgent: headers.get("user-agent")?.slice(0, 512) ?? null };
}

/**
 * The caller's address as the nearest proxy saw it: the last X-Forwarded-For
 * entry, which the reverse proxy in front appends (nginx's
 * $proxy_add_x_forwarded_for, a cloud load balancer), so a client cannot forge
 * it past the proxy. Without a proxy, Next.js fills the header from the socket
 * only when the client sent none, so there a client can choose it: production
 * runs behind a proxy (README). "unknown" when there is nothing to go by.
 */
export function clientIp(headers: Headers): string {
  const entries = headers.get("x-forwarded-for")?.split(",").map((entry) => entry.trim()).filter(Boolean) ?? [];
  return entries.at(-1)?.slice(0, 64) || "unknown";
}

/** Where the current request came from; "unknown" outside a request (a job, a script, a test). */
export async function currentRequestOrigin(): Promise<{ ip: string; userAgent: string | null }> {
  try {
    return requestOriginOf(await headers());
  } catch {
    return { ip: "unknown", userAgent: null };
  }
}
