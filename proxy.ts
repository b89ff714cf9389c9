import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { sessionSecret } from "@/lib/auth/config";
import { decideRequest } from "@/lib/auth/guard";

const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

function signInRedirect(request: NextRequest) {
  const url = new URL("/sign-in", request.url);
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (target !== "/") url.searchParams.set("callbackUrl", target);
  const response = NextResponse.redirect(url);
  // A token that brought its holder here is stale (e.g. signed out everywhere): drop it.
  for (const cookie of request.cookies.getAll()) {
    if (SESSION_COOKIE.test(cookie.name)) response.cookies.delete(cookie.name);
  }
  return response;
}

/**
 * Reads the session token without writing it back. (next-auth's auth() wrapper
 * re-sets the session cookie on every response, so a request still in flight
 * when someone signs out would sign them back in.)
 */
async function sessionClaims(request: NextRequest) {
  const secureCookie = request.cookies.getAll().some((cookie) => cookie.name.startsWith("__Secure-authjs.session-token"));
  const token = await getToken({ req: request, secret: sessionSecret(), secureCookie });
  if (!token?.sub) return null;
  return { userId: token.sub, sessionVersion: token.sessionVersion, sid: token.sid };
}

export async function proxy(request: NextRequest) {
  switch (await decideRequest(request.nextUrl.pathname, await sessionClaims(request))) {
    case "continue":
      return NextResponse.next();
    case "sign-in":
      return signInRedirect(request);
    case "unauthorized":
      return NextResponse.json({ error: "Sign in first." }, { status: 401 });
    case "not-found":
      // Rendered by app/not-found.tsx, exactly like an account that does not exist.
      return NextResponse.rewrite(new URL("/_not-found", request.url), { status: 404 });
  }
}

export const config = {
  // Static assets skip the proxy entirely: running it for them halves their throughput.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpe?g|gif|webp|avif|ico|txt|xml|woff2?)$).*)"],
};
