import { env } from "@/lib/env";

/**
 * Whether a state-changing request to a route handler came from this site.
 * Server actions get this check from Next.js; route handlers do it here, the
 * same way: the Origin header's host must be the host the browser addressed
 * (X-Forwarded-Host behind a proxy, else Host) or APP_URL's. The server's own
 * idea of its URL is no guide: it is whatever interface it was bound to.
 */
export function isSameOriginRequest(request: Request, appUrl: string | undefined = env().APP_URL): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const addressed = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? request.headers.get("host");
  return originHost === addressed || (appUrl !== undefined && originHost === new URL(appUrl).host);
}
