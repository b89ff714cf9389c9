import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { findPasswordToken } from "@/db/queries/password-tokens";
import { DEMO_PASSWORD, seedDemoData } from "@/db/seed";
import { emails, memberships, passwordTokens, users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { issuePasswordReset } from "@/lib/auth/password-reset";
import { setPasswordWithToken } from "@/lib/auth/set-password";
import { inTransaction, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

// The forgot-password action hands its work to after(); here it runs at once,
// and the test awaits it before looking at the outbox.
const deferred = vi.hoisted(() => [] as Promise<unknown>[]);
// Each test request comes from an address of its own: the per-address limit is tested in rate-limits.test.ts.
let requestNumber = 0;
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": `198.51.100.${++requestNumber}` }) }));
vi.mock("next/server", () => ({ after: (work: () => Promise<unknown>) => void deferred.push(work()) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));

const { requestPasswordResetLink } = await import("@/app/(auth)/forgot-password/actions");
const { setPassword } = await import("@/app/(auth)/reset-password/[token]/actions");

const database = useTestDatabase();
const NEW_PASSWORD = "violet harbour lantern";

beforeAll(async () => {
  await seedDemoData();
  // Invited, never set a password.
  const [pending] = await db().insert(users).values({ email: "pending@acme.test", name: "Pending Person" }).returning();
  const [member] = await db().select().from(memberships).where(eq(memberships.userId, await userIdOf("member@acme.test")));
  await db().insert(memberships).values({ userId: pending!.id, accountId: member!.accountId, role: "member", licenses: member!.licenses });
  // Has a password, but their only membership is deactivated.
  const [former] = await db()
    .insert(users)
    .values({ email: "former@acme.test", name: "Former Person", passwordHash: await hashPassword(DEMO_PASSWORD) })
    .returning();
  await db()
    .insert(memberships)
    .values({ userId: former!.id, accountId: member!.accountId, role: "member", licenses: member!.licenses, status: "deactivated" });
});

async function resetEmailsTo(address: string) {
  return db().select().from(emails).where(and(eq(emails.to, address), eq(emails.template, "password-reset")));
}

async function outboxSize(): Promise<number> {
  const [row] = await db().select({ count: sql<number>`count(*)::int` }).from(emails);
  return row!.count;
}

/** The token in an email's reset link, as the recipient would click it. */
async function tokenInEmail(emailId: string): Promise<string> {
  const [email] = await db().select({ text: emails.text }).from(emails).where(eq(emails.id, emailId));
  const token = /\/reset-password\/([\w-]+)/.exec(email?.text ?? "")?.[1];
  if (!token) throw new Error("The email carries no reset link");
  return token;
}

async function issueResetFor(address: string): Promise<string> {
  const [user] = await db().select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, address));
  return tokenInEmail(await inTransaction((tx) => issuePasswordReset(tx, user!)));
}

async function sessionVersionOf(address: string): Promise<number> {
  const [user] = await db().select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.email, address));
  return user!.sessionVersion;
}

describe(`forgot password (${database.driver})`, () => {
  it("answers everyone alike and emails only a person who can sign in", async () => {
    const before = await outboxSize();
    const answers = [];
    for (const email of ["nobody@acme.test", "pending@acme.test", "former@acme.test", " Member@Acme.test "]) {
      answers.push(await requestPasswordResetLink({ email }));
    }
    await Promise.all(deferred.splice(0));

    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toEqual({ ok: true, message: "If an account exists for that address, we sent a link. It works for 1 hour." });
    expect(await outboxSize()).toBe(before + 1);
    const [email] = await resetEmailsTo("member@acme.test");
    expect(email?.text).toContain("http://localhost:3000/reset-password/");
  });

  it("refuses a malformed or 10 KB address with a field error and sends nothing", async () => {
    const before = await outboxSize();
    expect(await requestPasswordResetLink({ email: "" })).toEqual({ ok: false, fieldErrors: { email: "Enter an email address." } });
    expect(await requestPasswordResetLink({ email: `${"a".repeat(10_000)}@acme.test` })).toMatchObject({ ok: false });
    expect(await requestPasswordResetLink(null)).toMatchObject({ ok: false });
    expect(deferred).toHaveLength(0);
    expect(await outboxSize()).toBe(before);
  });
});

describe(`reset links (${database.driver})`, () => {
  it("work for one hour", async () => {
    const userId = await userIdOf("observer@acme.test");
    await issueResetFor("observer@acme.test");
    const [token] = await db()
      .select({ lifetime: sql<number>`extract(epoch from ${passwordTokens.expiresAt} - ${passwordTokens.createdAt})::int` })
      .from(passwordTokens)
      .where(and(eq(passwordTokens.userId, userId), eq(passwordTokens.purpose, "reset_password")));
    expect(token!.lifetime).toBeGreaterThanOrEqual(3599);
    expect(token!.lifetime).toBeLessThanOrEqual(3601);
  });

  it("stop working once expired", async () => {
    const token = await issueResetFor("reporting@acme.test");
    await db()
      .update(passwordTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(passwordTokens.userId, await userIdOf("reporting@acme.test")));
    expect(await findPasswordToken(token)).toMatchObject({ purpose: "reset_password", expired: true, used: false });
    expect(await setPasswordWithToken(token, NEW_PASSWORD)).toBe(false);
    expect(await verifyCredentials({ email: "reporting@acme.test", password: DEMO_PASSWORD })).not.toBeNull();
  });

  it("work once, set the password and end every session", async () => {
    const versionBefore = await sessionVersionOf("manager@acme.test");
    const token = await issueResetFor("manager@acme.test");
    expect(await findPasswordToken(token)).toMatchObject({ email: "manager@acme.test", used: false, expired: false });

    await expect(setPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).rejects.toMatchObject({
      url: "/sign-in?notice=password-set",
    });
    expect(await sessionVersionOf("manager@acme.test")).toBe(versionBefore + 1);
    expect(await verifyCredentials({ email: "manager@acme.test", password: NEW_PASSWORD })).not.toBeNull();
    expect(await verifyCredentials({ email: "manager@acme.test", password: DEMO_PASSWORD })).toBeNull();

    // A second use goes back to the link's page, which says it was used.
    await expect(setPassword({ token, password: "another long passphrase", confirmPassword: "another long passphrase" })).rejects.toMatchObject({
      url: `/reset-password/${token}`,
    });
    expect(await findPasswordToken(token)).toMatchObject({ used: true });
    expect(await verifyCredentials({ email: "manager@acme.test", password: NEW_PASSWORD })).not.toBeNull();
  });

  it("are replaced by a newer one", async () => {
    const first = await issueResetFor("filtered@acme.test");
    const second = await issueResetFor("filtered@acme.test");
    expect(await findPasswordToken(first)).toMatchObject({ used: true });
    expect(await setPasswordWithToken(first, NEW_PASSWORD)).toBe(false);
    expect(await setPasswordWithToken(second, NEW_PASSWORD)).toBe(true);
  });

  it("refuse a common or short password and change nothing", async () => {
    const versionBefore = await sessionVersionOf("superuser@acme.test");
    const token = await issueResetFor("superuser@acme.test");
    expect(await setPassword({ token, password: "1qaz2wsx3edc", confirmPassword: "1qaz2wsx3edc" })).toEqual({
      ok: false,
      fieldErrors: { password: "This password is too common. Choose one that is harder to guess." },
    });
    expect(await setPassword({ token, password: "short", confirmPassword: "short" })).toMatchObject({ fieldErrors: { password: expect.any(String) } });
    expect(await setPassword({ token, password: "x".repeat(10_000), confirmPassword: "x" })).toMatchObject({ ok: false });
    expect(await findPasswordToken(token)).toMatchObject({ used: false });
    expect(await sessionVersionOf("superuser@acme.test")).toBe(versionBefore);
    expect(await verifyCredentials({ email: "superuser@acme.test", password: DEMO_PASSWORD })).not.toBeNull();
  });

  it("know nothing of a made-up token", async () => {
    expect(await findPasswordToken("not-a-real-token")).toBeUndefined();
    expect(await setPasswordWithToken("not-a-real-token", NEW_PASSWORD)).toBe(false);
  });
});
