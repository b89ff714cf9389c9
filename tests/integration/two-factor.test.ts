import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { findTwoFactor, unusedRecoveryCodeCount } from "@/db/queries/two-factor";
import { DEMO_PASSWORD, seedDemoData } from "@/db/seed";
import { accounts, auditEvents, memberships, recoveryCodes, users, type AuditEvent, type MembershipStatus } from "@/db/schema";
import type { ActionResult } from "@/lib/action";
import { hashRecoveryCode, normalizeRecoveryCode } from "@/lib/auth/recovery-codes";
import { unseal } from "@/lib/auth/secret-box";
import type { CurrentSession } from "@/lib/auth/session";
import { timeStep, totpCode, verifyTotp } from "@/lib/auth/totp";
import { checkSecondFactor, confirmEnrolment, regenerateRecoveryCodes, startEnrolment, turnOffTwoFactor, WRONG_CODE } from "@/lib/auth/two-factor";
import { OUT_OF_REACH } from "@/lib/members/update-person";
import { accountIdOf, inTransaction, membershipOf, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";
import { entriesWrittenBy, onlyEntryOf } from "./support/audit-entries";

// The actions run as whoever `signedIn` holds; their request-bound helpers
// (the session cookie, page revalidation) are stood in for.
const signedIn = vi.hoisted(() => ({ session: null as CurrentSession | null }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => signedIn.session }));
vi.mock("@/lib/auth/reissue-session", () => ({ reissueSessionToken: async () => true }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const profileActions = await import("@/app/profile/actions");
const userActions = await import("@/app/a/[account]/settings/users/actions");
const accountActions = await import("@/app/a/[account]/settings/account/actions");

const database = useTestDatabase();
beforeAll(() => seedDemoData());
beforeEach(() => {
  signedIn.session = null;
});

// Every library call gets its own clock: nothing here depends on the wall clock
// (only the profile actions, which take none, use the real time).
const NOW = new Date("2031-05-06T07:08:10.000Z");
const S0 = timeStep(NOW);
/** A moment well inside time step `step`. */
const atStep = (step: number) => new Date(step * 30_000 + 10_000);
const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
const ORIGIN = { ip: "203.0.113.77", userAgent: "TwoFactorTest/1.0" };
const WRONG_PASSWORD = "not my password at all";
const EXPIRED_SETUP = "This setup has expired. Start again to get a new key.";
const REQUIRED_STAYS_ON = "An account you belong to requires two-factor sign-in, so it stays on.";
const FORBIDDEN = "You do not have permission to do this.";
const WRONG_CURRENT_PASSWORD = {
  ok: false,
  error: "Some fields need your attention.",
  fieldErrors: { currentPassword: "Your current password is not correct." },
};

/** Every secret handed out or typed in this file: none may reach the audit log (checked last). */
const secrets = new Set<string>([DEMO_PASSWORD, WRONG_PASSWORD]);
const remember = <T extends string>(...values: T[]) => values.forEach((value) => secrets.add(value));

// ---------------------------------------------------------------------------
// Helpers

type Person = { id: string; email: string };
type MembershipSpec = { slug: string; role?: "member" | "super_user"; status?: MembershipStatus; twoFactorRequired?: boolean };

/** A person set up directly (nothing audited), with these memberships; answers their membership ids by slug. */
async function newPerson(email: string, memberOf: MembershipSpec[] = [{ slug: "acme" }]) {
  const [person] = await db().insert(users).values({ email, name: `Test ${email}` }).returning({ id: users.id, email: users.email });
  const membershipIds: Record<string, string> = {};
  for (const { slug, role = "member", status = "active", twoFactorRequired = false } of memberOf) {
    const [row] = await db()
      .insert(memberships)
      .values({ userId: person!.id, accountId: await accountIdOf(slug), role, status, twoFactorRequired, licenses: ["marketing"] })
      .returning({ id: memberships.id });
    membershipIds[slug] = row!.id;
  }
  return { person: person!, membershipIds };
}

async function newChildAccount(slug: string, { twoFactorRequired = false, closed = false } = {}) {
  await db()
    .insert(accounts)
    .values({
      slug,
      name: `Account ${slug}`,
      type: "advertiser",
      parentId: await accountIdOf("acme"),
      products: ["marketing", "contact_center"],
      twoFactorRequired,
      closedAt: closed ? NOW : null,
    });
}

/** An enrolment begun, with the secret the person would type from the manual key. */
async function begun(person: Person, now = NOW) {
  const started = await startEnrolment(person, now);
  const secret = started.manualKey.replace(/ /g, "");
  remember(secret, started.manualKey, started.pending);
  return { ...started, secret };
}

/** A code that is none of the codes the window around `step` accepts. */
function wrongCode(secret: string, step: number): string {
  const window = new Set([step - 1, step, step + 1].map((s) => totpCode(secret, s)));
  let candidate = Number(totpCode(secret, step));
  do candidate = (candidate + 1) % 1_000_000;
  while (window.has(String(candidate).padStart(6, "0")));
  return String(candidate).padStart(6, "0");
}

const codeAt = (secret: string, step: number) => {
  const code = totpCode(secret, step);
  remember(code);
  return code;
};

/** A person with the second factor on, confirmed at `now` with that step's code. */
async function enrolled(person: Person, now = NOW) {
  const { secret, pending } = await begun(person, now);
  const confirmCode = codeAt(secret, timeStep(now));
  const codes = await inTransaction((tx) => confirmEnrolment(tx, person, { pending, code: confirmCode }, now));
  remember(...codes, ...codes.map((code) => normalizeRecoveryCode(code)!));
  remember((await userRow(person.id)).totpSecret!);
  return { secret, codes, confirmCode };
}

async function userRow(userId: string) {
  const [row] = await db().select().from(users).where(eq(users.id, userId));
  return row!;
}

const codeRowsOf = (userId: string) => db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).orderBy(recoveryCodes.codeHash);

/** What a two-factor operation could change about a person. */
async function stateOf(userId: string) {
  return { user: await userRow(userId), recoveryCodes: await codeRowsOf(userId) };
}


/** Runs an operation that must change nothing: no audit entry and the person as before. */
async function expectNothingChanged(userId: string, operation: () => Promise<unknown>): Promise<void> {
  const before = await stateOf(userId);
  expect(await entriesWrittenBy(operation)).toEqual([]);
  expect(await stateOf(userId)).toEqual(before);
}

/** An audit entry has these fields, and exactly these details (none when left out). */
function expectEntry(entry: AuditEvent, expected: Partial<AuditEvent>): void {
  expect(entry).toMatchObject(expected);
  expect(entry.details).toEqual(expected.details ?? {});
}

const selfEntry = (action: AuditEvent["action"], person: Person) => ({
  action,
  accountId: null,
  actorUserId: person.id,
  actorEmail: person.email,
  targetType: "person",
  targetId: person.id,
  targetLabel: person.email,
});

async function signInAs(email: string): Promise<Person> {
  const id = await userIdOf(email);
  signedIn.session = { user: { id, email, name: email }, signedInAt: new Date() };
  return { id, email };
}

async function succeeded<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(`The action was refused: ${answer.error}`);
  return answer.data;
}

// ---------------------------------------------------------------------------
// 1. Enrolment

describe(`turning on two-factor sign-in (${database.driver})`, () => {
  type Refusal = { name: string; error: string; attempt: (person: Person) => Promise<{ pending: string; code: string; now: Date }> };
  const REFUSALS: Refusal[] = [
    {
      name: "a wrong code",
      error: WRONG_CODE,
      attempt: async (person) => {
        const { pending, secret } = await begun(person);
        return { pending, code: wrongCode(secret, S0), now: NOW };
      },
    },
    {
      name: "a setup confirmed 16 minutes after it began",
      error: EXPIRED_SETUP,
      attempt: async (person) => {
        const { pending, secret } = await begun(person);
        const later = minutesAfter(NOW, 16);
        return { pending, code: codeAt(secret, timeStep(later)), now: later };
      },
    },
    {
      name: "a setup begun for another person",
      error: EXPIRED_SETUP,
      attempt: async () => {
        const { person: other } = await newPerson("someone-else@two-factor.test");
        const { pending, secret } = await begun(other);
        return { pending, code: codeAt(secret, S0), now: NOW };
      },
    },
    {
      name: "a tampered setup",
      error: EXPIRED_SETUP,
      attempt: async (person) => {
        const { pending, secret } = await begun(person);
        const at = pending.length - 12;
        const tampered = pending.slice(0, at) + (pending[at] === "A" ? "B" : "A") + pending.slice(at + 1);
        return { pending: tampered, code: codeAt(secret, S0), now: NOW };
      },
    },
  ];

  it.each(REFUSALS.map((refusal, index) => ({ ...refusal, index })))("refuses $name and stores nothing", async ({ index, error, attempt }) => {
    const { person } = await newPerson(`refused-${index}@two-factor.test`);
    const input = await attempt(person);
    await expectNothingChanged(person.id, () => expect(inTransaction((tx) => confirmEnrolment(tx, person, input, input.now))).rejects.toThrow(error));
    expect(await findTwoFactor(person.id)).toMatchObject({ enabled: false, sealedSecret: null, lastStep: null });
    expect(await codeRowsOf(person.id)).toEqual([]);
  });

  it("still takes a setup 14 minutes after it began", async () => {
    const { person } = await newPerson("late-but-fine@two-factor.test");
    const { pending, secret } = await begun(person);
    const later = minutesAfter(NOW, 14);
    await inTransaction((tx) => confirmEnrolment(tx, person, { pending, code: codeAt(secret, timeStep(later)) }, later));
    expect((await findTwoFactor(person.id))?.enabled).toBe(true);
  });

  it("turns it on with the right code, keeps the secret sealed and only hashes of 10 distinct recovery codes", async () => {
    const { person } = await newPerson("enrols@two-factor.test");
    const { pending, secret, manualKey, qrCode } = await begun(person);
    expect(manualKey).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    expect(secret).toHaveLength(32);
    expect(qrCode).toContain("<svg");

    const code = codeAt(secret, S0);
    const { result: codes, entry } = await onlyEntryOf(() => inTransaction((tx) => confirmEnrolment(tx, person, { pending, code }, NOW)));
    remember(...codes, ...codes.map((c) => normalizeRecoveryCode(c)!));
    expectEntry(entry, selfEntry("two_factor.enrolled", person));

    const state = await findTwoFactor(person.id);
    expect(state).toMatchObject({ enabled: true, required: false, lastStep: S0 });
    const row = await userRow(person.id);
    remember(row.totpSecret!);
    expect(row.twoFactorEnabledAt).toBeInstanceOf(Date);
    expect(row.totpSecret).toBe(state!.sealedSecret);
    expect(row.totpSecret).not.toContain(secret);
    expect(row.totpSecret).not.toContain(secret.toLowerCase());
    expect(unseal(row.totpSecret!)).toBe(secret);

    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored = await codeRowsOf(person.id);
    expect(stored.map((r) => r.codeHash).sort()).toEqual(codes.map((c) => hashRecoveryCode(normalizeRecoveryCode(c)!)).sort());
    expect(stored.every((r) => r.usedAt === null)).toBe(true);
    const storedText = JSON.stringify(stored);
    expect(codes.filter((c) => storedText.includes(c) || storedText.includes(normalizeRecoveryCode(c)!))).toEqual([]);
    expect(await unusedRecoveryCodeCount(person.id)).toBe(10);
  });
});

// ---------------------------------------------------------------------------
// 2. Codes from the app

describe(`a code from the app at sign-in (${database.driver})`, () => {
  const check = (person: Person, code: string, now: Date) => checkSecondFactor(person, code, ORIGIN, now);

  it("takes each time step once, never the enrolment's, and none earlier than one already taken", async () => {
    const { person } = await newPerson("replay@two-factor.test");
    const { secret, confirmCode } = await enrolled(person);

    // The confirming code is spent: not at its own step, nor the next (where drift would still allow it).
    expect(verifyTotp(secret, confirmCode, atStep(S0 + 1), null).ok).toBe(true);
    expect(await check(person, confirmCode, atStep(S0))).toBe(false);
    expect(await check(person, confirmCode, atStep(S0 + 1))).toBe(false);

    const later = codeAt(secret, S0 + 3);
    expect(await entriesWrittenBy(async () => expect(await check(person, later, atStep(S0 + 3))).toBe(true))).toEqual([]);
    expect((await findTwoFactor(person.id))?.lastStep).toBe(S0 + 3);
    expect(await check(person, later, atStep(S0 + 3)), "the same code again").toBe(false);

    // One step ahead (clock drift) passes, and then the current step's code is a replay.
    const ahead = codeAt(secret, S0 + 6);
    const current = codeAt(secret, S0 + 5);
    expect(await check(person, ahead, atStep(S0 + 5))).toBe(true);
    expect(verifyTotp(secret, current, atStep(S0 + 5), S0 + 3).ok, "it would have passed before").toBe(true);
    expect(await check(person, current, atStep(S0 + 5))).toBe(false);

    expect(await check(person, wrongCode(secret, S0 + 10), atStep(S0 + 10))).toBe(false);
    expect(await check(person, codeAt(secret, S0 + 30), atStep(S0 + 10)), "a code far from now").toBe(false);
    expect((await findTwoFactor(person.id))?.lastStep).toBe(S0 + 6);
  });

  it("lets only one of two simultaneous uses of a code pass", async () => {
    const { person } = await newPerson("race@two-factor.test");
    const { secret } = await enrolled(person);
    const code = codeAt(secret, S0 + 2);
    const outcomes = await Promise.all([check(person, code, atStep(S0 + 2)), check(person, code, atStep(S0 + 2))]);
    expect(outcomes.sort()).toEqual([false, true]);
  });

  it("refuses everything for a person without a second factor", async () => {
    const { person } = await newPerson("no-factor@two-factor.test");
    const { secret } = await begun(person);
    expect(await check(person, codeAt(secret, S0), NOW)).toBe(false);
    expect(await check(person, "abcde-fghjk", NOW)).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// 3. Recovery codes

describe(`recovery codes (${database.driver})`, () => {
  it("work once each, typed in upper case, with spaces or without the dash", async () => {
    const { person } = await newPerson("recovery@two-factor.test");
    const { codes } = await enrolled(person);
    const typings = [
      { how: "as shown", typed: codes[0]! },
      { how: "in upper case", typed: codes[1]!.toUpperCase() },
      { how: "with spaces", typed: `  ${codes[2]!.replace("-", " ")} ` },
      { how: "without the dash", typed: codes[3]!.replace("-", "") },
    ];
    for (const [index, { how, typed }] of typings.entries()) {
      const { result, entry } = await onlyEntryOf(() => checkSecondFactor(person, typed, ORIGIN, NOW));
      expect(result, how).toBe(true);
      expectEntry(entry, { ...selfEntry("two_factor.recovery_code_used", person), ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
      await expectNothingChanged(person.id, async () => {
        expect(await checkSecondFactor(person, typed, ORIGIN, NOW), `${how}, a second time`).toBe(false);
        expect(await checkSecondFactor(person, codes[index]!, ORIGIN, NOW), `${how}, then as shown`).toBe(false);
      });
    }
    expect(await unusedRecoveryCodeCount(person.id)).toBe(6);
    expect(await checkSecondFactor(person, "abcde-fghjk", ORIGIN, NOW), "a made-up code").toBe(false);
  });

  it("are all replaced by new ones: the old stop working, the new work", async () => {
    const { person } = await newPerson("renews@two-factor.test");
    const { codes: old } = await enrolled(person);
    expect(await checkSecondFactor(person, old[0]!, ORIGIN, NOW)).toBe(true);

    const { result: renewed, entry } = await onlyEntryOf(() => inTransaction((tx) => regenerateRecoveryCodes(tx, person)));
    remember(...renewed, ...renewed.map((c) => normalizeRecoveryCode(c)!));
    expectEntry(entry, selfEntry("two_factor.recovery_codes_renewed", person));
    expect(new Set(renewed).size).toBe(10);
    expect(renewed.filter((code) => old.includes(code))).toEqual([]);
    expect(await unusedRecoveryCodeCount(person.id)).toBe(10);

    for (const code of old) expect(await checkSecondFactor(person, code, ORIGIN, NOW), `old code ${code}`).toBe(false);
    expect(await checkSecondFactor(person, renewed[0]!, ORIGIN, NOW)).toBe(true);
    expect(await checkSecondFactor(person, renewed[0]!, ORIGIN, NOW)).toBe(false);
    expect(await unusedRecoveryCodeCount(person.id)).toBe(9);
  });

  it("are not renewed for a person without a second factor", async () => {
    const { person } = await newPerson("renews-nothing@two-factor.test");
    await expectNothingChanged(person.id, () =>
      expect(inTransaction((tx) => regenerateRecoveryCodes(tx, person))).rejects.toThrow("Turn on two-factor sign-in first."),
    );
  });
});

// ---------------------------------------------------------------------------
// 4. Whether a person must use a second factor

describe(`the two-factor requirement (${database.driver})`, () => {
  type RequirementCase = {
    name: string;
    membership?: { twoFactorRequired?: boolean; status?: MembershipStatus };
    account?: { twoFactorRequired?: boolean; closed?: boolean };
    required: boolean;
  };
  const CASES: RequirementCase[] = [
    { name: "nothing requires it", required: false },
    { name: "their membership requires it", membership: { twoFactorRequired: true }, required: true },
    // Not until they accept: an admin cannot impose it on someone just by inviting them.
    { name: "only their invited membership requires it", membership: { twoFactorRequired: true, status: "invited" }, required: false },
    { name: "their membership's account requires it", account: { twoFactorRequired: true }, required: true },
    { name: "their membership requiring it is deactivated", membership: { twoFactorRequired: true, status: "deactivated" }, required: false },
    { name: "their membership in a requiring account is deactivated", membership: { status: "deactivated" }, account: { twoFactorRequired: true }, required: false },
    { name: "the requiring account is closed", account: { twoFactorRequired: true, closed: true }, required: false },
    { name: "their membership requiring it is in a closed account", membership: { twoFactorRequired: true }, account: { closed: true }, required: false },
  ];

  it.each(CASES.map((c, index) => ({ ...c, index })))(
    "is $required when $name, and turning it off follows",
    async ({ index, membership = {}, account = {}, required }) => {
      const slug = `tf-required-${index}`;
      await newChildAccount(slug, account);
      const { person } = await newPerson(`required-${index}@two-factor.test`, [{ slug, ...membership }]);
      expect((await findTwoFactor(person.id))?.required).toBe(required);

      await enrolled(person);
      if (required) {
        await expectNothingChanged(person.id, () => expect(inTransaction((tx) => turnOffTwoFactor(tx, person))).rejects.toThrow(REQUIRED_STAYS_ON));
        expect((await findTwoFactor(person.id))?.enabled).toBe(true);
      } else {
        const { entry } = await onlyEntryOf(() => inTransaction((tx) => turnOffTwoFactor(tx, person)));
        expectEntry(entry, selfEntry("two_factor.disabled", person));
        expect(await findTwoFactor(person.id)).toMatchObject({ enabled: false, sealedSecret: null, lastStep: null });
        expect(await codeRowsOf(person.id)).toEqual([]);
      }
    },
  );

  it("is set by a Super User only, per member and for the whole account", async () => {
    await newChildAccount("tf-actions");
    const { person, membershipIds } = await newPerson("required-by-admin@two-factor.test", [{ slug: "tf-actions" }, { slug: "acme" }]);
    const membershipId = membershipIds["acme"]!;
    await enrolled(person);
    const snapshot = async () => ({
      person: await stateOf(person.id),
      membership: await membershipOf(person.email, "acme"),
      accounts: await db().select().from(accounts).orderBy(accounts.slug),
    });

    await signInAs("manager@acme.test");
    const before = await snapshot();
    const written = await entriesWrittenBy(async () => {
      expect(await userActions.setTwoFactorRequirement("acme", { membershipId, required: true })).toEqual({ ok: false, error: FORBIDDEN });
      expect(await userActions.resetTwoFactor("acme", { membershipId })).toEqual({ ok: false, error: FORBIDDEN });
      expect(await accountActions.setAccountTwoFactor("acme", { required: true })).toEqual({ ok: false, error: FORBIDDEN });
      expect(await accountActions.setAccountTwoFactor("tf-actions", { required: true })).toEqual({ ok: false, error: FORBIDDEN });
    });
    expect(written).toEqual([]);
    expect(await snapshot()).toEqual(before);

    const superUser = await signInAs("superuser@acme.test");
    const asAdmin = { accountId: await accountIdOf("acme"), actorUserId: superUser.id, actorEmail: superUser.email, action: "two_factor.requirement_changed" };
    const member = { targetType: "membership", targetId: membershipId, targetLabel: person.email };
    const { entry: required } = await onlyEntryOf(() => succeeded(userActions.setTwoFactorRequirement("acme", { membershipId, required: true })));
    expectEntry(required, { ...asAdmin, ...member, details: { required: true } });
    expect(await membershipOf(person.email, "acme")).toMatchObject({ twoFactorRequired: true, version: before.membership.version + 1 });
    expect((await findTwoFactor(person.id))?.required).toBe(true);
    await expectNothingChanged(person.id, () => expect(inTransaction((tx) => turnOffTwoFactor(tx, person))).rejects.toThrow(REQUIRED_STAYS_ON));
    expect(await entriesWrittenBy(() => succeeded(userActions.setTwoFactorRequirement("acme", { membershipId, required: true }))), "no change, no entry").toEqual([]);

    const { entry: relaxed } = await onlyEntryOf(() => succeeded(userActions.setTwoFactorRequirement("acme", { membershipId, required: false })));
    expectEntry(relaxed, { ...asAdmin, ...member, details: { required: false } });
    expect((await findTwoFactor(person.id))?.required).toBe(false);

    const childId = await accountIdOf("tf-actions");
    const { entry: everyone } = await onlyEntryOf(() => succeeded(accountActions.setAccountTwoFactor("tf-actions", { required: true })));
    expectEntry(everyone, { ...asAdmin, accountId: childId, targetType: "account", targetId: childId, targetLabel: "Account tf-actions", details: { required: true, everyone: true } });
    const [child] = await db().select().from(accounts).where(eq(accounts.id, childId));
    expect(child!.twoFactorRequired).toBe(true);
    expect((await findTwoFactor(person.id))?.required).toBe(true);
    await expectNothingChanged(person.id, () => expect(inTransaction((tx) => turnOffTwoFactor(tx, person))).rejects.toThrow(REQUIRED_STAYS_ON));

    await onlyEntryOf(() => succeeded(accountActions.setAccountTwoFactor("tf-actions", { required: false })));
    expect((await findTwoFactor(person.id))?.required).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// 5. An admin's reset (a lost phone)

describe(`resetting a member's second factor (${database.driver})`, () => {
  it("clears their factor and codes and ends their sessions", async () => {
    const { person, membershipIds } = await newPerson("lost-phone@two-factor.test");
    const { secret, codes } = await enrolled(person);
    const before = await userRow(person.id);
    const admin = await signInAs("superuser@acme.test");

    const { entry } = await onlyEntryOf(() => succeeded(userActions.resetTwoFactor("acme", { membershipId: membershipIds["acme"]! })));
    expectEntry(entry, {
      action: "two_factor.reset",
      accountId: await accountIdOf("acme"),
      actorUserId: admin.id,
      actorEmail: admin.email,
      targetType: "person",
      targetId: person.id,
      targetLabel: person.email,
    });
    expect(await findTwoFactor(person.id)).toMatchObject({ enabled: false, sealedSecret: null, lastStep: null });
    expect(await userRow(person.id)).toMatchObject({ twoFactorEnabledAt: null, totpSecret: null, sessionVersion: before.sessionVersion + 1 });
    expect(await codeRowsOf(person.id)).toEqual([]);
    expect(await checkSecondFactor(person, codes[0]!, ORIGIN, NOW)).toBe(false);
    expect(await checkSecondFactor(person, codeAt(secret, S0 + 2), ORIGIN, atStep(S0 + 2))).toBe(false);
  });

  it("is refused when the person also belongs to an account outside the admin's reach", async () => {
    const { person: both, membershipIds } = await newPerson("also-summit@two-factor.test", [{ slug: "bright-dental" }, { slug: "summit-auto" }]);
    const { person: onlyHere, membershipIds: onlyHereIds } = await newPerson("only-bright@two-factor.test", [{ slug: "bright-dental" }]);
    await enrolled(both);
    await enrolled(onlyHere);
    await signInAs("admin@bright-dental.test");

    await expectNothingChanged(both.id, async () =>
      expect(await userActions.resetTwoFactor("bright-dental", { membershipId: membershipIds["bright-dental"]! })).toEqual({ ok: false, error: OUT_OF_REACH }),
    );
    expect((await findTwoFactor(both.id))?.enabled).toBe(true);
    // The same admin does reach someone who belongs here alone.
    await onlyEntryOf(() => succeeded(userActions.resetTwoFactor("bright-dental", { membershipId: onlyHereIds["bright-dental"]! })));
    expect((await findTwoFactor(onlyHere.id))?.enabled).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// 6. One's own second factor, from the profile

describe(`two-factor sign-in on one's profile (${database.driver})`, () => {
  const nowCode = (secret: string) => codeAt(secret, timeStep(new Date()));

  it("needs the current password for every step, and changes nothing without it", async () => {
    const person = await signInAs("observer@acme.test");
    const refusals = {
      begin: () => profileActions.beginTwoFactorSetup({ currentPassword: WRONG_PASSWORD }),
      confirm: async () => {
        const { pending, secret } = await begun(person, new Date());
        return profileActions.confirmTwoFactorSetup({ currentPassword: WRONG_PASSWORD, pending, code: nowCode(secret) });
      },
      renew: () => profileActions.renewRecoveryCodes({ currentPassword: WRONG_PASSWORD }),
      turnOff: () => profileActions.turnOffOwnTwoFactor({ currentPassword: WRONG_PASSWORD }),
    };
    const expectRefused = async (step: keyof typeof refusals) =>
      expectNothingChanged(person.id, async () => expect(await refusals[step](), step).toEqual(WRONG_CURRENT_PASSWORD));

    // Before it is on: neither a setup nor its confirmation goes through.
    await expectRefused("begin");
    await expectRefused("confirm");
    expect((await findTwoFactor(person.id))?.enabled).toBe(false);

    const started = await succeeded(profileActions.beginTwoFactorSetup({ currentPassword: DEMO_PASSWORD }));
    const secret = started.manualKey.replace(/ /g, "");
    remember(secret, started.manualKey, started.pending);
    expect(started.qrCode).toContain("<svg");
    const { result: confirmed, entry: enrolledEntry } = await onlyEntryOf(() =>
      succeeded(profileActions.confirmTwoFactorSetup({ currentPassword: DEMO_PASSWORD, pending: started.pending, code: nowCode(secret) })),
    );
    remember(...confirmed.recoveryCodes, (await userRow(person.id)).totpSecret!);
    expectEntry(enrolledEntry, selfEntry("two_factor.enrolled", person));
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(unseal((await userRow(person.id)).totpSecret!)).toBe(secret);

    // Once it is on: no step, a new setup's confirmation included, goes through with a wrong password.
    for (const step of ["begin", "confirm", "renew", "turnOff"] as const) await expectRefused(step);
    expect(unseal((await userRow(person.id)).totpSecret!)).toBe(secret);

    const { result: renewed, entry: renewedEntry } = await onlyEntryOf(() => succeeded(profileActions.renewRecoveryCodes({ currentPassword: DEMO_PASSWORD })));
    remember(...renewed.recoveryCodes);
    expectEntry(renewedEntry, selfEntry("two_factor.recovery_codes_renewed", person));
    expect(renewed.recoveryCodes.filter((code) => confirmed.recoveryCodes.includes(code))).toEqual([]);

    const { entry: disabledEntry } = await onlyEntryOf(() => succeeded(profileActions.turnOffOwnTwoFactor({ currentPassword: DEMO_PASSWORD })));
    expectEntry(disabledEntry, selfEntry("two_factor.disabled", person));
    expect(await findTwoFactor(person.id)).toMatchObject({ enabled: false, sealedSecret: null });
    expect(await codeRowsOf(person.id)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// 7. No secret in the audit log (runs last: it scans what every test above wrote)

describe(`secrets stay out of the audit log (${database.driver})`, () => {
  it("has no secret, code, key, sealed value or password in any entry", async () => {
    const rows = await db().select().from(auditEvents).orderBy(auditEvents.id);
    const actions = new Set(rows.map((row) => row.action));
    for (const action of ["enrolled", "disabled", "reset", "recovery_codes_renewed", "recovery_code_used", "requirement_changed"]) {
      expect(actions, "every kind of two-factor entry was written above").toContain(`two_factor.${action}`);
    }
    // Ids and timestamps could hold six digits in a row by chance; no secret lives in them.
    const stored = JSON.stringify(rows.map(({ id: _id, occurredAt: _at, ...row }) => row)).replace(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
      "<uuid>",
    );
    expect(secrets.size).toBeGreaterThan(50);
    expect([...secrets].filter((secret) => stored.includes(secret) || stored.includes(secret.toLowerCase()))).toEqual([]);
  });
});
