import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/config";
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

const guard = auth(async (request) => {
  switch (await decideRequest(request.nextUrl.pathname, request.auth)) {
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
});

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // With a lazily built config (the secret may be generated at start-up),
  // next-auth hands back the wrapped handler as a promise.
  const handler = await guard;
  return handler(request, event as never);
}

export const config = {
  // Static assets skip the proxy entirely: running it for them halves their throughput.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpe?g|gif|webp|avif|ico|txt|xml|woff2?)$).*)"],
};
