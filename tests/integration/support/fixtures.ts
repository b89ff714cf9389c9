import { and, eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { accessContextFor, type AccessContext } from "@/lib/authz/authorize";
import { accounts, calls, memberships, users } from "@/db/schema";
import { startSession } from "@/db/queries/sessions";

export async function userIdOf(email: string): Promise<string> {
  const [user] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No user ${email}`);
  return user.id;
}

/** The claims of a fresh session token for this person, as signing in leaves them (a live session row, version 1). */
export async function signedInClaims(email: string, sessionVersion = 1) {
  const userId = await userIdOf(email);
  const sid = await startSession(userId, { ip: null, userAgent: "test" });
  return { userId, sessionVersion, signedInAt: Math.floor(Date.now() / 1000), sid };
}

export async function accountIdOf(slug: string): Promise<string> {
  const [account] = await db().select({ id: accounts.id }).from(accounts).where(eq(accounts.slug, slug));
  if (!account) throw new Error(`No account ${slug}`);
  return account.id;
}

/** A person's membership of an account, as stored. */
export async function membershipOf(email: string, slug: string) {
  const [row] = await db()
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, await userIdOf(email)), eq(memberships.accountId, await accountIdOf(slug))));
  if (!row) throw new Error(`${email} has no membership in ${slug}`);
  return row;
}

export async function setMembershipStatus(email: string, status: "active" | "deactivated"): Promise<void> {
  await db()
    .update(memberships)
    .set({ status })
    .where(eq(memberships.userId, await userIdOf(email)));
}

/** Every row of the seeded tables, in a stable order, for before/after comparisons. */
export async function snapshotTables() {
  return {
    users: await db().select().from(users).orderBy(users.email),
    accounts: await db().select().from(accounts).orderBy(accounts.slug),
    memberships: await db().select().from(memberships).orderBy(memberships.userId, memberships.accountId),
    calls: await db().select().from(calls).orderBy(calls.id),
  };
}

export function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db().transaction(work);
}

/** What authorize() resolves for this person in this account, as if they were signed in. */
export async function accessAs(email: string, slug: string): Promise<AccessContext | "not-found"> {
  const session = { user: { id: await userIdOf(email), email, name: email }, signedInAt: new Date() };
  return accessContextFor(session, slug);
}

export async function reachingAccessAs(email: string, slug: string): Promise<AccessContext> {
  const access = await accessAs(email, slug);
  if (access === "not-found") throw new Error(`${email} cannot reach ${slug}`);
  return access;
}
