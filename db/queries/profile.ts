import { and, asc, eq, isNull } from "drizzle-orm";
import { db, type Executor } from "../client";
import { accounts, memberships, users, type User } from "../schema";

// A signed-in person reading and changing their own person: no account scope,
// the session's user id is the scope.

export type Profile = Pick<User, "name" | "email" | "timeZone" | "dateFormat" | "landingPage" | "notificationSettings">;

export async function findProfile(userId: string): Promise<Profile | undefined> {
  const [row] = await db()
    .select({
      name: users.name,
      email: users.email,
      timeZone: users.timeZone,
      dateFormat: users.dateFormat,
      landingPage: users.landingPage,
      notificationSettings: users.notificationSettings,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

/** The accounts the person is an active member of (directly, not through a network), open ones only. */
export async function listOwnMemberships(userId: string) {
  return db()
    .select({ accountId: accounts.id, name: accounts.name, slug: accounts.slug, type: accounts.type, role: memberships.role })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active"), isNull(accounts.closedAt)))
    .orderBy(asc(accounts.type), asc(accounts.name));
}

export async function updateProfile(
  executor: Executor,
  userId: string,
  changes: Partial<Pick<User, "name" | "timeZone" | "dateFormat" | "landingPage" | "notificationSettings">>,
): Promise<void> {
  await executor.update(users).set(changes).where(eq(users.id, userId));
}
