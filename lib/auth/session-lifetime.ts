import { findOpenSession, forgetOldSessions, touchSession } from "@/db/queries/sessions";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/validation/ids";

// Session timeouts (ASVS 7.3): a session ends after SESSION_IDLE_MINUTES
// without a request and SESSION_MAX_HOURS after signing in, whatever happens;
// signing out ends its row at once. Checked on every request, by the proxy
// and by getSession(), against the session's row (the token's `sid`).

const MINUTE = 60_000;
// Last activity is written at most once a minute per session.
const TOUCH_EVERY_MS = MINUTE;
let lastCleanup = 0;

export function sessionLimits(config = env()): { idleMs: number; maxMs: number } {
  return { idleMs: config.SESSION_IDLE_MINUTES * MINUTE, maxMs: config.SESSION_MAX_HOURS * 60 * MINUTE };
}

/** Whether the browser's session is still live; marks it active when it is. */
export async function sessionIsLive(sessionId: string | undefined, userId: string, now = new Date()): Promise<boolean> {
  if (!isUuid(sessionId) || !isUuid(userId)) return false;
  const session = await findOpenSession(sessionId, userId);
  if (!session) return false;
  const { idleMs, maxMs } = sessionLimits();
  if (now.getTime() - session.lastSeenAt.getTime() > idleMs || now.getTime() - session.createdAt.getTime() > maxMs) return false;
  // Only when due: most requests read the row and write nothing.
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(sessionId, now, TOUCH_EVERY_MS);
  if (now.getTime() - lastCleanup > 60 * MINUTE) {
    lastCleanup = now.getTime();
    await forgetOldSessions(new Date(now.getTime() - maxMs));
  }
  return true;
}
