import { and, eq, exists, isNull, sql } from "drizzle-orm";
import { db, type Database, type Executor } from "../client";
import { preparedStatement } from "../prepared";
import { accounts, memberships, users, type User } from "../schema";

export async function findUserByEmail(normalizedEmail: string, executor: Executor = db()): Promise<User | undefined> {
  const [user] = await executor.select().from(users).where(eq(users.email, normalizedEmail)).limit(1);
  return user;
}

// An active membership of an open account. Built with the query builder, not
// raw SQL: Drizzle leaves column names unqualified in a select list, which
// would make "id" ambiguous in there.
function hasActiveMembership(database: Database) {
  return exists(
    database
      .select({ one: sql`1` })
      .from(memberships)
      .innerJoin(accounts, eq(accounts.id, memberships.accountId))
      .where(and(eq(memberships.userId, users.id), eq(memberships.status, "active"), isNull(accounts.closedAt))),
  ).mapWith(Boolean);
}

export type SessionUser = Pick<User, "id" | "email" | "name" | "sessionVersion" | "timeZone" | "dateFormat"> & {
  hasActiveMembership: boolean;
  // An account of theirs requires a second factor and they have none: no session until they set it up.
  lacksRequiredTwoFactor: boolean;
};

// An active membership of an open account requiring a second factor, of a person without one.
function lacksRequiredTwoFactor(database: Database) {
  return sql<boolean>`(${users.twoFactorEnabledAt} is null and ${exists(
    database
      .select({ one: sql`1` })
      .from(memberships)
      .innerJoin(accounts, eq(accounts.id, memberships.accountId))
      .where(
        and(
          eq(memberships.userId, users.id),
          eq(memberships.status, "active"),
          isNull(accounts.closedAt),
          sql`(${memberships.twoFactorRequired} or ${accounts.twoFactorRequired})`,
        ),
      ),
  )})`.mapWith(Boolean);
}

const sessionUserStatement = preparedStatement((database) =>
  database
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      sessionVersion: users.sessionVersion,
      timeZone: users.timeZone,
      dateFormat: users.dateFormat,
      hasActiveMembership: hasActiveMembership(database),
      lacksRequiredTwoFactor: lacksRequiredTwoFactor(database),
    })
    .from(users)
    .where(eq(users.id, sql.placeholder("userId")))
    .limit(1)
    .prepare("session_user"),
);

/** The person behind a session token, read fresh on every request. */
export async function findSessionUser(userId: string): Promise<SessionUser | undefined> {
  const [row] = await sessionUserStatement().execute({ userId });
  return row;
}

/** The person trying to sign in (or to reset a forgotten password), with what the sign-in needs to decide. */
export async function findSignInCandidate(normalizedEmail: string) {
  const database = db();
  const [row] = await database
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
      hasActiveMembership: hasActiveMembership(database),
    })
    .from(users)
    .where(eq(users.email, normalizedEmail))
    .limit(1);
  return row;
}

export async function recordSignIn(userId: string): Promise<void> {
  await db().update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
}

/** Ends every session the person holds; returns the new version (a session the caller keeps is reissued with it). */
export async function bumpSessionVersion(userId: string, executor: Executor = db()): Promise<number> {
  const [bumped] = await executor
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return bumped?.sessionVersion ?? 0;
}
