import { redirect } from "next/navigation";
import { getSession, type CurrentSession } from "./session";

/**
 * The signed-in person, for a page about them rather than about an account
 * (which would call authorize()). Signed-out visitors, and holders of a token
 * a password change or sign-out-everywhere made stale, go to sign-in and come back.
 */
export async function requireSession(returnTo: string): Promise<CurrentSession> {
  const session = await getSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}
