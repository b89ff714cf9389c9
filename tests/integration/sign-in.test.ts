import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { bumpSessionVersion } from "@/db/queries/users";
import { DEMO_PASSWORD, seedDemoData } from "@/db/seed";
import { memberships, users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { resolveSession } from "@/lib/auth/resolve-session";
import { issueSignInProof, redeemSignInProof } from "@/lib/auth/sign-in-proof";
import { setMembershipStatus, signedInClaims, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
const ORIGIN = { ip: "203.0.113.5", userAgent: "sign-in test" };
beforeAll(() => seedDemoData());

describe(`sign-in (${database.driver})`, () => {
  it("accepts the right password, whatever the case of the email, and records the sign-in once it completes", async () => {
    const identity = await verifyCredentials({ email: " SuperUser@Acme.test ", password: DEMO_PASSWORD });
    expect(identity).toEqual({ id: await userIdOf("superuser@acme.test"), sessionVersion: 1 });
    expect(await redeemSignInProof(await issueSignInProof(identity!), ORIGIN)).toEqual({ ...identity, sessionId: expect.any(String) });
    const [user] = await db().select().from(users).where(eq(users.email, "superuser@acme.test"));
    expect(user!.lastSignInAt).toBeInstanceOf(Date);
  });

  it.each([
    ["a wrong password", { email: "superuser@acme.test", password: "rolecall-demo!" }],
    ["an unknown email", { email: "nobody@acme.test", password: DEMO_PASSWORD }],
    ["empty fields", { email: "", password: "" }],
    ["a 4 KB password", { email: "superuser@acme.test", password: "x".repeat(4096) }],
    ["a malformed email", { email: "superuser@", password: DEMO_PASSWORD }],
    ["no body at all", null],
    ["fields of the wrong type", { email: ["superuser@acme.test"], password: { $ne: "" } }],
  ])("refuses %s with no hint why", async (_, input) => {
    expect(await verifyCredentials(input)).toBeNull();
  });

  it("refuses a person whose only membership is deactivated, even with the right password", async () => {
    await setMembershipStatus("observer@acme.test", "deactivated");
    expect(await verifyCredentials({ email: "observer@acme.test", password: DEMO_PASSWORD })).toBeNull();
    await setMembershipStatus("observer@acme.test", "active");
    expect(await verifyCredentials({ email: "observer@acme.test", password: DEMO_PASSWORD })).not.toBeNull();
  });

  it("refuses a person who has not set a password yet", async () => {
    await db().insert(users).values({ email: "pending@acme.test", name: "Pending" });
    expect(await verifyCredentials({ email: "pending@acme.test", password: "" })).toBeNull();
    expect(await verifyCredentials({ email: "pending@acme.test", password: DEMO_PASSWORD })).toBeNull();
  });
});

describe(`sign-in proofs (${database.driver})`, () => {
  it("start a session only while fresh, unforged and still the person's", async () => {
    const id = await userIdOf("manager@acme.test");
    const proof = await issueSignInProof({ id, sessionVersion: 1 });
    // Each sign-in starts a session row of its own.
    const redeemed = await redeemSignInProof(proof, ORIGIN);
    expect(redeemed).toEqual({ id, sessionVersion: 1, sessionId: expect.any(String) });
    expect((await signedInClaims("manager@acme.test")).sid).not.toBe(redeemed!.sessionId);
    // Made up, tampered, of another type or oversized: nobody.
    for (const bad of ["", "not a token", `${proof.slice(0, -4)}abcd`, 42, null, "x".repeat(5_000)]) expect(await redeemSignInProof(bad, ORIGIN)).toBeNull();
    // A proof made before a password change (the session version moved on) is spent.
    const stale = await issueSignInProof({ id, sessionVersion: 0 });
    expect(await redeemSignInProof(stale, ORIGIN)).toBeNull();
  });
});

describe(`sessions (${database.driver})`, () => {
  const now = Math.floor(Date.now() / 1000);

  it("resolve to the person behind a current token", async () => {
    const claims = { ...(await signedInClaims("manager@acme.test")), signedInAt: now };
    const session = await resolveSession(claims);
    expect(session?.user).toEqual({ id: claims.userId, email: "manager@acme.test", name: "Morgan Lee" });
    expect(session?.signedInAt.getTime()).toBe(now * 1000);
    // Without its session row (an older token, a made-up one) it is no session.
    expect(await resolveSession({ ...claims, sid: undefined })).toBeNull();
  });

  it("end on the next request once the session version is bumped", async () => {
    const claims = await signedInClaims("member@acme.test");
    expect(await resolveSession(claims)).not.toBeNull();
    await bumpSessionVersion(claims.userId);
    expect(await resolveSession(claims)).toBeNull();
    expect(await resolveSession({ ...claims, sessionVersion: 2 })).not.toBeNull();
  });

  it("end once an account of theirs requires a second factor they do not have", async () => {
    const claims = await signedInClaims("observer@acme.test");
    expect(await resolveSession(claims)).not.toBeNull();
    await db().update(memberships).set({ twoFactorRequired: true }).where(eq(memberships.userId, claims.userId));
    expect(await resolveSession(claims)).toBeNull();
    // Set up meanwhile, the same token is a session again.
    await db().update(users).set({ twoFactorEnabledAt: new Date(), totpSecret: "sealed" }).where(eq(users.id, claims.userId));
    expect(await resolveSession(claims)).not.toBeNull();
    await db().update(memberships).set({ twoFactorRequired: false }).where(eq(memberships.userId, claims.userId));
    await db().update(users).set({ twoFactorEnabledAt: null, totpSecret: null }).where(eq(users.id, claims.userId));
  });

  it("end once the person has no active membership left", async () => {
    const claims = await signedInClaims("reporting@acme.test");
    await setMembershipStatus("reporting@acme.test", "deactivated");
    expect(await resolveSession(claims)).toBeNull();
    await setMembershipStatus("reporting@acme.test", "active");
  });

  it("refuse missing, malformed and unknown identities", async () => {
    expect(await resolveSession(null)).toBeNull();
    expect(await resolveSession({ userId: "not-a-uuid", sessionVersion: 1, signedInAt: now })).toBeNull();
    expect(
      await resolveSession({ userId: "00000000-0000-4000-8000-000000000000", sessionVersion: 1, signedInAt: now }),
    ).toBeNull();
  });
});
