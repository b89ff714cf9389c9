import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { db, type Executor } from "../client";
import { preparedStatement } from "../prepared";
import { sessions } from "../schema";

export async function startSession(userId: string, origin: { ip: string | null; userAgent: string | null }, executor: Executor = db()): Promise<string> {
  const [started] = await executor.insert(sessions).values({ userId, ip: origin.ip, userAgent: origin.userAgent }).returning({ id: sessions.id });
  return started!.id;
}

export type SessionTimes = { createdAt: Date; lastSeenAt: Date };

// Prepared: it runs on every request, in the proxy and in getSession().
const openSessionStatement = preparedStatement((database) =>
  database
    .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.id, sql.placeholder("sessionId")), eq(sessions.userId, sql.placeholder("userId")), isNull(sessions.endedAt)))
    .prepare("open_session"),
);

/** A session of this person not signed out, or undefined. */
export async function findOpenSession(sessionId: string, userId: string): Promise<SessionTimes | undefined> {
  const [row] = await openSessionStatement().execute({ sessionId, userId });
  return row;
}

/** Moves a session's last activity on, at most once per `everyMs` (a write per request would be waste). */
export async function touchSession(sessionId: string, now: Date, everyMs: number, executor: Executor = db()): Promise<void> {
  await executor
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, new Date(now.getTime() - everyMs))));
}

export async function endSession(sessionId: string, executor: Executor = db()): Promise<void> {
  await executor.update(sessions).set({ endedAt: sql`now()` }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

/** Drops sessions that ended, or went idle or out of their lifetime, before `before`. */
export async function forgetOldSessions(before: Date, executor: Executor = db()): Promise<void> {
  await executor.delete(sessions).where(lt(sessions.lastSeenAt, before));
}
