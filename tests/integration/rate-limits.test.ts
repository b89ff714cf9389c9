import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { forgetStaleFailures } from "@/db/queries/rate-limits";
import { DEMO_PASSWORD, seedDemoData } from "@/db/seed";
import { rateLimits } from "@/db/schema";
import { blockAfter, LIMITS, tryAgainMessage } from "@/lib/auth/rate-limit";
import { verifyCredentialsWithLimits } from "@/lib/auth/sign-in-limits";
import { useTestDatabase } from "./support/test-database";

// The forgot-password action reads the caller's address from the request and hands the email to after().
const caller = vi.hoisted(() => ({ ip: "198.51.100.1" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": `10.0.0.1, ${caller.ip}` }) }));
vi.mock("next/server", () => ({ after: () => undefined }));
const { requestPasswordResetLink } = await import("@/app/(auth)/forgot-password/actions");

const database = useTestDatabase();
beforeAll(() => seedDemoData());

const SECOND = 1_000;
const from = (ip: string) => ({ ip, userAgent: "rate-limit test" });

/**
 * Tries a password as an attacker who waits out every block: returns each
 * wait imposed before the attempt was heard (0 when it was heard at once) and
 * the clock after it.
 */
async function attempt(email: string, password: string, ip: string, clock: { now: number }) {
  let waited = 0;
  let outcome = await verifyCredentialsWithLimits({ email, password }, from(ip), new Date(clock.now));
  while (outcome === "throttled") {
    // Blocked: nothing was checked. Wait a second and knock again.
    clock.now += SECOND;
    waited += SECOND;
    outcome = await verifyCredentialsWithLimits({ email, password }, from(ip), new Date(clock.now));
  }
  return { waited, outcome };
}

describe(`sign-in limits (${database.driver})`, () => {
  it("slows 30 wrong passwords in a row for one email, and the right password still works after the back-off", async () => {
    const clock = { now: Date.parse("2026-12-01T09:00:00Z") };
    const waits: number[] = [];
    for (let i = 0; i < 30; i++) {
      const { waited, outcome } = await attempt("manager@acme.test", `wrong guess ${i}`, "203.0.113.10", clock);
      expect(outcome).toBeNull();
      waits.push(waited);
    }
    // Ten free failures, then each attempt waits out a block twice the last, up to 5 minutes.
    expect(waits.slice(0, 11)).toEqual(Array(11).fill(0));
    expect(waits.slice(11, 16)).toEqual([5, 10, 20, 40, 80].map((seconds) => seconds * SECOND));
    expect(Math.max(...waits)).toBe(5 * 60 * SECOND);
    expect(waits.slice(-5)).toEqual(Array(5).fill(5 * 60 * SECOND));

    // Straight after the 30th failure the right password is refused unheard; after the block it works.
    expect(await verifyCredentialsWithLimits({ email: "manager@acme.test", password: DEMO_PASSWORD }, from("203.0.113.10"), new Date(clock.now))).toBe("throttled");
    const { outcome } = await attempt("manager@acme.test", DEMO_PASSWORD, "203.0.113.10", clock);
    expect(outcome).toMatchObject({ sessionVersion: expect.any(Number) });
    // The success cleared the email's count: the next typo is free again.
    expect((await attempt("manager@acme.test", "typo", "203.0.113.10", clock)).waited).toBe(0);
  });

  it("hears at most one attempt past the free ones from a burst sent all at once", async () => {
    const now = new Date(Date.parse("2026-12-05T09:00:00Z"));
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) => verifyCredentialsWithLimits({ email: "filtered@acme.test", password: `burst ${i}` }, from("203.0.113.40"), now)),
    );
    expect(burst.filter((outcome) => outcome === null)).toHaveLength(LIMITS.signInPerEmailAndIp.freeFailures + 1);
    expect(burst.filter((outcome) => outcome === "throttled")).toHaveLength(40 - LIMITS.signInPerEmailAndIp.freeFailures - 1);
  });

  it("does not keep the person out from their own address while someone guesses from another", async () => {
    const clock = { now: Date.parse("2026-12-06T09:00:00Z") };
    for (let i = 0; i < 30; i++) await attempt("superuser@acme.test", `attacker guess ${i}`, "198.51.100.66", clock);
    expect(await verifyCredentialsWithLimits({ email: "superuser@acme.test", password: DEMO_PASSWORD }, from("203.0.113.77"), new Date(clock.now))).toMatchObject({
      sessionVersion: expect.any(Number),
    });
    // The guesser's own address is still held back.
    expect(await verifyCredentialsWithLimits({ email: "superuser@acme.test", password: "one more" }, from("198.51.100.66"), new Date(clock.now))).toBe("throttled");
  });

  it("slows an unknown email exactly like a known one, so the limit tells nothing", async () => {
    const known = { now: Date.parse("2026-12-02T09:00:00Z") };
    const unknown = { now: known.now };
    const knownWaits = [];
    const unknownWaits = [];
    for (let i = 0; i < 14; i++) {
      knownWaits.push((await attempt("observer@acme.test", `guess ${i}`, "203.0.113.20", known)).waited);
      unknownWaits.push((await attempt("nobody-here@acme.test", `guess ${i}`, "203.0.113.21", unknown)).waited);
    }
    expect(unknownWaits).toEqual(knownWaits);
    expect(knownWaits.at(-1)).toBeGreaterThan(0);
  });

  it("lets another person in from the same address, and forgets a quiet spell's failures", async () => {
    const clock = { now: Date.parse("2026-12-03T09:00:00Z") };
    for (let i = 0; i < 12; i++) await attempt("reporting@acme.test", `guess ${i}`, "203.0.113.30", clock);
    expect(await verifyCredentialsWithLimits({ email: "member@acme.test", password: DEMO_PASSWORD }, from("203.0.113.30"), new Date(clock.now))).toMatchObject({
      sessionVersion: expect.any(Number),
    });
    // 16 minutes later the count starts again: one more failure is free.
    clock.now += 16 * 60 * SECOND;
    expect((await attempt("reporting@acme.test", "another", "203.0.113.30", clock)).waited).toBe(0);
  });

  it("slows one address trying many emails", async () => {
    const clock = { now: Date.parse("2026-12-04T09:00:00Z") };
    for (let i = 0; i < LIMITS.signInPerIp.freeFailures; i++) await attempt(`person${i}@stuffing.test`, "password1", "192.0.2.99", clock);
    expect(await verifyCredentialsWithLimits({ email: "fresh@stuffing.test", password: "password1" }, from("192.0.2.99"), new Date(clock.now))).toBeNull();
    expect(await verifyCredentialsWithLimits({ email: "fresh2@stuffing.test", password: "password1" }, from("192.0.2.99"), new Date(clock.now))).toBe("throttled");
    expect(await verifyCredentialsWithLimits({ email: "fresh2@stuffing.test", password: "password1" }, from("192.0.2.100"), new Date(clock.now))).toBeNull();
  });

  it("stores neither emails nor addresses, and drops counts that block nothing any more", async () => {
    const rows = await db().select().from(rateLimits);
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify(rows);
    for (const secret of ["manager@acme.test", "nobody-here@acme.test", "stuffing.test", "203.0.113", "192.0.2"]) expect(stored).not.toContain(secret);
    await forgetStaleFailures(new Date(Date.parse("2026-12-08T00:00:00Z")));
    expect(await db().select().from(rateLimits)).toEqual([]);
  });
});

describe(`forgot-password limits (${database.driver})`, () => {
  it("slows a fourth link for one address within the hour, known or not, with the same words", async () => {
    caller.ip = "198.51.100.2";
    for (const email of ["member@acme.test", "nobody@acme.test"]) {
      for (let i = 0; i < 3; i++) expect(await requestPasswordResetLink({ email })).toMatchObject({ ok: true });
    }
    const known = await requestPasswordResetLink({ email: "member@acme.test" });
    const unknown = await requestPasswordResetLink({ email: "nobody@acme.test" });
    expect(known).toEqual({ ok: false, fieldErrors: {}, error: "Too many attempts. Try again in 1 minute." });
    expect(unknown).toEqual(known);
    // Another address is not held up by them.
    expect(await requestPasswordResetLink({ email: "observer@acme.test" })).toMatchObject({ ok: true });
  });

  it("slows one caller asking for many addresses", async () => {
    caller.ip = "198.51.100.3";
    // Each is heard until the one past the free requests sets a block.
    for (let i = 0; i <= LIMITS.resetPerIp.freeFailures; i++) expect(await requestPasswordResetLink({ email: `p${i}@spray.test` })).toMatchObject({ ok: true });
    expect(await requestPasswordResetLink({ email: "next@spray.test" })).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many attempts/) });
  });
});

describe("back-off arithmetic", () => {
  it("doubles from the first block to the ceiling and says when, in minutes", () => {
    const rule = LIMITS.signInPerEmailAndIp;
    expect([10, 11, 12, 13, 20, 1_000].map((failures) => blockAfter(rule, failures))).toEqual([0, 5_000, 10_000, 20_000, 300_000, 300_000]);
    expect([1, 59, 60, 61, 300].map(tryAgainMessage)).toEqual([
      "Too many attempts. Try again in 1 minute.",
      "Too many attempts. Try again in 1 minute.",
      "Too many attempts. Try again in 1 minute.",
      "Too many attempts. Try again in 2 minutes.",
      "Too many attempts. Try again in 5 minutes.",
    ]);
  });
});

