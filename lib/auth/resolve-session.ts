import { findSessionUser } from "@/db/queries/users";
import { isUuid } from "@/lib/validation/ids";
import { sessionIsLive } from "./session-lifetime";

export type CurrentSession = {
  user: { id: string; email: string; name: string };
  signedInAt: Date;
  // How the person likes times shown (profile preferences); null fields mean the defaults.
  display?: { timeZone: string | null; dateFormat: string | null };
};

export type SessionClaims = { userId: string; sessionVersion: number; signedInAt: number; sid?: string };

/**
 * Turns the claims of a decoded session token into a session, if the person
 * still holds one: a token whose session version is stale, or whose person has
 * no active membership left, is no session at all.
 */
export async function resolveSession(claims: SessionClaims | null): Promise<CurrentSession | null> {
  if (!claims || !isUuid(claims.userId)) return null;
  const user = await findSessionUser(claims.userId);
  if (!user || user.sessionVersion !== claims.sessionVersion || !user.hasActiveMembership) return null;
  // Required since they signed in (an admin turned it on, or they joined an account that requires it):
  // they sign in again, and set it up on the way.
  if (user.lacksRequiredTwoFactor) return null;
  if (!(await sessionIsLive(claims.sid, user.id))) return null;
  return {
    user: { id: user.id, email: user.email, name: user.name },
    signedInAt: new Date(claims.signedInAt * 1000),
    display: { timeZone: user.timeZone, dateFormat: user.dateFormat },
  };
}
