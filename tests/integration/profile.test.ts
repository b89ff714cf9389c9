import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { listOwnMemberships } from "@/db/queries/profile";
import { DEMO_PASSWORD, seedDemoData } from "@/db/seed";
import { users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { resolveSession } from "@/lib/auth/resolve-session";
import type { CurrentSession } from "@/lib/auth/session";
import { landingPathFor } from "@/lib/profile/landing-path";
import { setMembershipStatus, signedInClaims, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

// The actions run as whoever `signedIn` holds; their request-bound helpers
// (the session cookie, page revalidation) are stood in for.
const signedIn = vi.hoisted(() => ({ session: null as CurrentSession | null }));
const reissue = vi.hoisted(() => vi.fn(async () => true));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => signedIn.session }));
vi.mock("@/lib/auth/reissue-session", () => ({ reissueSessionToken: reissue }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { changePassword, signOutEverywhereElse, updateName, updatePreferences } = await import("@/app/profile/actions");

const database = useTestDatabase();
const NEW_PASSWORD = "violet harbour lantern";

beforeAll(() => seedDemoData());

async function signInAs(email: string) {
  signedIn.session = { user: { id: await userIdOf(email), email, name: email }, signedInAt: new Date() };
}

async function personRow(email: string) {
  const [row] = await db().select().from(users).where(eq(users.email, email));
  return row!;
}

beforeEach(() => {
  signedIn.session = null;
  reissue.mockClear();
});

describe(`changing one's own password (${database.driver})`, () => {
  it("needs the right current password and writes nothing otherwise", async () => {
    await signInAs("member@acme.test");
    const before = await personRow("member@acme.test");
    const result = await changePassword({ currentPassword: "not my password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result).toEqual({
      ok: false,
      error: "Some fields need your attention.",
      fieldErrors: { currentPassword: "Your current password is not correct." },
    });
    expect(await personRow("member@acme.test")).toEqual(before);
    expect(reissue).not.toHaveBeenCalled();
  });

  it("refuses a common, short, mismatched or 10 KB new password before checking anything", async () => {
    await signInAs("member@acme.test");
    const before = await personRow("member@acme.test");
    const attempt = (newPassword: string, confirmPassword = newPassword) =>
      changePassword({ currentPassword: DEMO_PASSWORD, newPassword, confirmPassword });

    expect(await attempt("1q2w3e4r5t6y")).toMatchObject({
      fieldErrors: { newPassword: "This password is too common. Choose one that is harder to guess." },
    });
    expect(await attempt("short")).toMatchObject({ fieldErrors: { newPassword: "Use at least 12 characters." } });
    expect(await attempt(NEW_PASSWORD, "something else")).toMatchObject({ fieldErrors: { confirmPassword: "The two passwords do not match." } });
    expect(await attempt("x".repeat(10_240))).toMatchObject({ fieldErrors: { newPassword: "Use at most 256 characters." } });
    expect(await changePassword({})).toMatchObject({ ok: false, fieldErrors: { currentPassword: expect.any(String) } });
    expect(await personRow("member@acme.test")).toEqual(before);
  });

  it("changes it, ends other sessions and keeps this one with the new version", async () => {
    await signInAs("observer@acme.test");
    const before = await personRow("observer@acme.test");
    const result = await changePassword({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });

    expect(result).toEqual({ ok: true, data: { sessionVersion: before.sessionVersion + 1 } });
    expect((await personRow("observer@acme.test")).sessionVersion).toBe(before.sessionVersion + 1);
    expect(reissue).toHaveBeenCalledWith(before.id, before.sessionVersion + 1);
    expect(await verifyCredentials({ email: "observer@acme.test", password: NEW_PASSWORD })).not.toBeNull();
    expect(await verifyCredentials({ email: "observer@acme.test", password: DEMO_PASSWORD })).toBeNull();
  });

  it("answers a signed-out caller with the signed-out failure", async () => {
    expect(await changePassword({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual({
      ok: false,
      error: "Your session has ended. Sign in again to continue.",
    });
  });
});

describe(`signing out everywhere else (${database.driver})`, () => {
  it("ends every session of the person, old tokens refused, and keeps this one with the new version", async () => {
    await signInAs("reporting@acme.test");
    const before = await personRow("reporting@acme.test");
    const someoneElse = await personRow("member@acme.test");
    const oldToken = await signedInClaims("reporting@acme.test", before.sessionVersion);
    expect(await resolveSession(oldToken)).not.toBeNull();

    expect(await signOutEverywhereElse({})).toEqual({ ok: true, data: { sessionVersion: before.sessionVersion + 1 } });
    expect(await resolveSession(oldToken)).toBeNull();
    expect(await resolveSession({ ...oldToken, sessionVersion: before.sessionVersion + 1 })).not.toBeNull();
    expect(reissue).toHaveBeenCalledWith(before.id, before.sessionVersion + 1);
    // Nobody else's sessions moved.
    expect((await personRow("member@acme.test")).sessionVersion).toBe(someoneElse.sessionVersion);
  });

  it("answers a signed-out caller with the signed-out failure and changes nothing", async () => {
    const before = await personRow("reporting@acme.test");
    expect(await signOutEverywhereElse({})).toEqual({ ok: false, error: "Your session has ended. Sign in again to continue." });
    expect(await personRow("reporting@acme.test")).toEqual(before);
  });
});

describe(`name and preferences (${database.driver})`, () => {
  it("saves a trimmed name and refuses an empty or 10 KB one", async () => {
    await signInAs("manager@acme.test");
    expect(await updateName({ name: "" })).toMatchObject({ ok: false, fieldErrors: { name: "Enter a name." } });
    expect(await updateName({ name: "x".repeat(10_240) })).toMatchObject({ ok: false, fieldErrors: { name: "A name has at most 200 characters." } });
    expect((await personRow("manager@acme.test")).name).toBe("Morgan Lee");

    expect(await updateName({ name: "  Morgan Lee-Park " })).toEqual({ ok: true, data: null });
    expect((await personRow("manager@acme.test")).name).toBe("Morgan Lee-Park");
  });

  it("saves listed preferences and refuses made-up ones without writing", async () => {
    await signInAs("reporting@acme.test");
    const good = { timeZone: "America/New_York", dateFormat: "DD/MM/YYYY", landingPage: "calls" };
    for (const bad of [{ timeZone: "Mars/Base" }, { timeZone: "x".repeat(10_240) }, { dateFormat: "YY" }, { landingPage: "/admin" }]) {
      expect(await updatePreferences({ ...good, ...bad })).toMatchObject({ ok: false, fieldErrors: { [Object.keys(bad)[0]!]: expect.any(String) } });
    }
    expect(await personRow("reporting@acme.test")).toMatchObject({ timeZone: null, dateFormat: null, landingPage: null });

    expect(await updatePreferences(good)).toEqual({ ok: true, data: null });
    expect(await personRow("reporting@acme.test")).toMatchObject(good);
    expect(await updatePreferences({ ...good, timeZone: "" })).toEqual({ ok: true, data: null });
    expect((await personRow("reporting@acme.test")).timeZone).toBeNull();
  });

  it("changes only the caller's own person, whatever the input says", async () => {
    await signInAs("filtered@acme.test");
    const other = await personRow("superuser@acme.test");
    await updateName({ name: "Renamed", id: other.id, userId: other.id, email: other.email });
    expect(await personRow("superuser@acme.test")).toEqual(other);
    expect((await personRow("filtered@acme.test")).name).toBe("Renamed");
  });
});

describe(`the accounts on the profile (${database.driver})`, () => {
  it("are the person's active memberships with their roles", async () => {
    const userId = await userIdOf("admin@bright-dental.test");
    expect(await listOwnMemberships(userId)).toEqual([expect.objectContaining({ slug: "bright-dental", type: "advertiser", role: "super_user" })]);
    await setMembershipStatus("admin@bright-dental.test", "deactivated");
    expect(await listOwnMemberships(userId)).toEqual([]);
    await setMembershipStatus("admin@bright-dental.test", "active");
  });
});

describe(`the start page (${database.driver})`, () => {
  it("opens the chosen page in the home account, or the overview where the page is not allowed", async () => {
    const superuser = await userIdOf("superuser@acme.test");
    await signInAs("superuser@acme.test");
    expect(await landingPathFor(superuser, "acme")).toBe("/a/acme");
    await db().update(users).set({ landingPage: "users" }).where(eq(users.id, superuser));
    expect(await landingPathFor(superuser, "acme")).toBe("/a/acme/settings/users");

    const reporting = await userIdOf("reporting@acme.test");
    await signInAs("reporting@acme.test");
    await db().update(users).set({ landingPage: "users" }).where(eq(users.id, reporting));
    expect(await landingPathFor(reporting, "acme")).toBe("/a/acme");
    await db().update(users).set({ landingPage: "no-such-page" }).where(eq(users.id, reporting));
    expect(await landingPathFor(reporting, "acme")).toBe("/a/acme");
  });
});
