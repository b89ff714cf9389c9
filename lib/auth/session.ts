import { cookies } from "next/headers";
import { getToken } from "next-auth/jwt";
import { cache } from "react";
import { sessionSecret } from "./config";
import { resolveSession, type CurrentSession, type SessionClaims } from "./resolve-session";

export type { CurrentSession } from "./resolve-session";

/**
 * The signed-in person for this request, or null. React's cache() makes one
 * request decode the token and read the person once, however many components ask.
 */
export const getSession = cache(async (): Promise<CurrentSession | null> => resolveSession(await sessionClaims()));

/**
 * The session token's claims, read through cookies() rather than next-auth's
 * auth(): auth() reads the request's Cookie header, which still carries the
 * old token when a server action has just re-issued it (a password change)
 * and Next renders the page again in the same request; cookies() has the new one.
 */
/** This browser's session row id (the token's `sid`), whether or not the session is still live. */
export async function currentSessionId(): Promise<string | undefined> {
  return (await sessionClaims())?.sid;
}

async function sessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const secureCookie = jar.getAll().some((cookie) => cookie.name.startsWith("__Secure-authjs.session-token"));
  const token = await getToken({ req: { headers: { cookie: jar.toString() } }, secret: sessionSecret(), secureCookie });
  if (!token?.sub) return null;
  return { userId: token.sub, sessionVersion: token.sessionVersion ?? 0, signedInAt: token.signedInAt ?? 0, sid: token.sid };
}
