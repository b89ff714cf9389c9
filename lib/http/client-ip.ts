/**
 * The caller's address as the nearest proxy saw it: the last X-Forwarded-For
 * entry, which the reverse proxy in front appends (nginx's
 * $proxy_add_x_forwarded_for, a cloud load balancer) and a client cannot
 * forge past it. Without a proxy, Next.js fills the header from the socket
 * when the client sent none. "unknown" when there is nothing to go by.
 */
/** Where a request came from, for the limits and the audit log. */
export function requestOriginOf(headers: Headers): { ip: string; userAgent: string | null } {
  return { ip: clientIp(headers), userAgent: headers.get("user-agent")?.slice(0, 512) ?? null };
}

export function clientIp(headers: Headers): string {
  const entries = headers.get("x-forwarded-for")?.split(",").map((entry) => entry.trim()).filter(Boolean) ?? [];
  return entries.at(-1)?.slice(0, 64) || "unknown";
}
