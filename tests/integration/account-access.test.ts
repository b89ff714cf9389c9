import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { findAccountAccess, findHomeAccountSlug, listReachableAccounts } from "@/db/queries/accounts";
import { bumpSessionVersion } from "@/db/queries/users";
import { seedDemoData } from "@/db/seed";
import { accounts, memberships, sessions } from "@/db/schema";
import { decideRequest } from "@/lib/auth/guard";
import { endSession } from "@/db/queries/sessions";
import { resolveSession } from "@/lib/auth/resolve-session";
import { sessionLimits } from "@/lib/auth/session-lifetime";
import { accountIdOf, setMembershipStatus, signedInClaims, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
beforeAll(() => seedDemoData());

const names = (groups: Awaited<ReturnType<typeof listReachableAccounts>>) =>
  groups.map((group) => [group.type, group.accounts.map((account) => account.name)]);

describe(`account access (${database.driver})`, () => {
  it("reaches the network directly and its children through it", async () => {
    const superuser = await userIdOf("superuser@acme.test");
    expect(await findAccountAccess(superuser, "acme")).toMatchObject({ role: "super_user", via: "direct" });
    expect(await findAccountAccess(superuser, "callflow-media")).toMatchObject({
      role: "super_user",
      via: "network",
      account: { name: "CallFlow Media", type: "publisher" },
    });
  });

  it("keeps a child account's admin out of the network", async () => {
    const admin = await userIdOf("admin@bright-dental.test");
    expect(await findAccountAccess(admin, "bright-dental")).toMatchObject({ role: "super_user", via: "direct" });
    expect(await findAccountAccess(admin, "acme")).toBeUndefined();
    expect(await findAccountAccess(admin, "summit-auto")).toBeUndefined();
    expect(await findAccountAccess(admin, "no-such-account")).toBeUndefined();
  });

  it("does not count a deactivated membership", async () => {
    const manager = await userIdOf("manager@acme.test");
    await setMembershipStatus("manager@acme.test", "deactivated");
    expect(await findAccountAccess(manager, "bright-dental")).toBeUndefined();
    await setMembershipStatus("manager@acme.test", "active");
    expect(await findAccountAccess(manager, "bright-dental")).toMatchObject({ role: "manager" });
  });

  it("applies the higher of a network and a direct membership, the direct one on a tie", async () => {
    const summit = await accountIdOf("summit-auto");
    const add = async (email: string, role: "observer" | "super_user" | "member") =>
      db().insert(memberships).values({ userId: await userIdOf(email), accountId: summit, role, licenses: ["marketing"] });

    await add("manager@acme.test", "observer");
    expect(await findAccountAccess(await userIdOf("manager@acme.test"), "summit-auto")).toMatchObject({ role: "manager", via: "network" });
    await add("observer@acme.test", "super_user");
    expect(await findAccountAccess(await userIdOf("observer@acme.test"), "summit-auto")).toMatchObject({ role: "super_user", via: "direct" });
    await add("member@acme.test", "member");
    expect(await findAccountAccess(await userIdOf("member@acme.test"), "summit-auto")).toMatchObject({
      role: "member",
      via: "direct",
      licenses: ["marketing"],
    });
  });

  it("lands people on their home account", async () => {
    expect(await findHomeAccountSlug(await userIdOf("observer@acme.test"))).toBe("acme");
    expect(await findHomeAccountSlug(await userIdOf("admin@bright-dental.test"))).toBe("bright-dental");
  });
});

describe(`account switcher (${database.driver})`, () => {
  it("groups what a network member reaches: network, advertisers, publishers", async () => {
    const groups = await listReachableAccounts(await userIdOf("reporting@acme.test"));
    expect(names(groups)).toEqual([
      ["network", ["Acme Network"]],
      ["advertiser", ["Bright Dental", "Summit Auto"]],
      ["publisher", ["CallFlow Media"]],
    ]);
    expect(groups.every((group) => !group.hasMore)).toBe(true);
  });

  it("lists only Bright Dental for its own admin", async () => {
    expect(names(await listReachableAccounts(await userIdOf("admin@bright-dental.test")))).toEqual([
      ["advertiser", ["Bright Dental"]],
    ]);
  });

  it("searches by name or slug, case-insensitively, treating wildcards literally", async () => {
    const superuser = await userIdOf("superuser@acme.test");
    expect(names(await listReachableAccounts(superuser, { search: "SUM" }))).toEqual([["advertiser", ["Summit Auto"]]]);
    expect(names(await listReachableAccounts(superuser, { search: "callflow-" }))).toEqual([["publisher", ["CallFlow Media"]]]);
    expect(await listReachableAccounts(superuser, { search: "%" })).toEqual([]);
    expect(await listReachableAccounts(superuser, { search: "_" })).toEqual([]);
  });

  it("pages each group so thousands of children stay quick to open", async () => {
    const acme = await accountIdOf("acme");
    await db()
      .insert(accounts)
      .values(
        Array.from({ length: 60 }, (_, index) => ({
          name: `Franchise ${String(index).padStart(3, "0")}`,
          slug: `franchise-${index}`,
          type: "advertiser" as const,
          parentId: acme,
          products: ["marketing" as const],
        })),
      );
    const superuser = await userIdOf("superuser@acme.test");
    const groups = await listReachableAccounts(superuser, { limit: 10 });
    const advertisers = groups.find((group) => group.type === "advertiser")!;
    expect(advertisers.accounts).toHaveLength(10);
    expect(advertisers.hasMore).toBe(true);
    expect(groups.find((group) => group.type === "publisher")?.accounts).toHaveLength(1);

    const found = await listReachableAccounts(superuser, { search: "franchise 059", limit: 10 });
    expect(names(found)).toEqual([["advertiser", ["Franchise 059"]]]);
  });
});

describe(`request guard (${database.driver})`, () => {
  it("lets anyone reach the public pages", async () => {
    expect(await decideRequest("/sign-in", null)).toBe("continue");
    expect(await decideRequest("/reset-password/abc", null)).toBe("continue");
    expect(await decideRequest("/api/auth/session", null)).toBe("continue");
    expect(await decideRequest("/dev/mail", null)).toBe("continue");
    expect(await decideRequest("/dev/mail/0b8a1f7e-2f7c-4a39-9f6e-1d2c3b4a5f60", null)).toBe("continue");
  });

  it("sends signed-out visitors to sign-in and answers 401 to API calls", async () => {
    expect(await decideRequest("/a/acme", null)).toBe("sign-in");
    expect(await decideRequest("/", null)).toBe("sign-in");
    expect(await decideRequest("/api/accounts", null)).toBe("unauthorized");
    expect(await decideRequest("/a/acme", { userId: "garbage", sessionVersion: 1 })).toBe("sign-in");
  });

  it("answers not-found for accounts the caller cannot reach, existing or not", async () => {
    const admin = await signedInClaims("admin@bright-dental.test");
    expect(await decideRequest("/a/bright-dental/settings/users", admin)).toBe("continue");
    expect(await decideRequest("/a/acme", admin)).toBe("not-found");
    expect(await decideRequest("/a/acme/settings/users", admin)).toBe("not-found");
    expect(await decideRequest("/a/nope", admin)).toBe("not-found");
    expect(await decideRequest("/a/NOT_A_SLUG", admin)).toBe("not-found");
  });

  it("sends a token made stale by a person-level event back to sign-in", async () => {
    const claims = await signedInClaims("filtered@acme.test");
    expect(await decideRequest("/a/acme", claims)).toBe("continue");
    await bumpSessionVersion(claims.userId);
    expect(await decideRequest("/a/acme", claims)).toBe("sign-in");
  });

  it("ends a session that is signed out, idle too long or past its lifetime, on its next request", async () => {
    const { userId, sid, ...rest } = await signedInClaims("observer@acme.test");
    const claims = { userId, sid, ...rest };
    expect(await decideRequest("/profile", claims)).toBe("continue");
    expect(await decideRequest("/a/acme", { ...claims, sid: undefined })).toBe("sign-in");
    expect(await decideRequest("/api/accounts", { ...claims, sid: "not-a-uuid" })).toBe("unauthorized");
    const { idleMs, maxMs } = sessionLimits();
    // Each request keeps it alive: a last activity 10 minutes ago moves to now.
    await db().update(sessions).set({ lastSeenAt: new Date(Date.now() - 10 * 60_000) }).where(eq(sessions.id, sid));
    expect(await decideRequest("/a/acme", claims)).toBe("continue");
    const [touched] = await db().select({ lastSeenAt: sessions.lastSeenAt }).from(sessions).where(eq(sessions.id, sid));
    expect(Date.now() - touched!.lastSeenAt.getTime()).toBeLessThan(60_000);
    // Idle: its last request was longer ago than the idle timeout.
    await db().update(sessions).set({ lastSeenAt: new Date(Date.now() - idleMs - 1_000) }).where(eq(sessions.id, sid));
    expect(await decideRequest("/a/acme", claims)).toBe("sign-in");
    // Busy but old: signed in longer ago than the lifetime.
    await db().update(sessions).set({ lastSeenAt: new Date(), createdAt: new Date(Date.now() - maxMs - 1_000) }).where(eq(sessions.id, sid));
    expect(await decideRequest("/a/acme", claims)).toBe("sign-in");
    // Signed out: the row is ended, whatever the cookie says.
    const fresh = await signedInClaims("observer@acme.test");
    await endSession(fresh.sid);
    expect(await decideRequest("/a/acme", fresh)).toBe("sign-in");
    expect(await resolveSession(fresh)).toBeNull();
    // Another person's session id is no session of this person.
    const other = await signedInClaims("manager@acme.test");
    expect(await decideRequest("/a/acme", { ...fresh, sid: other.sid })).toBe("sign-in");
  });
});
