import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { seedDemoData, DEMO_PASSWORD } from "@/db/seed";
import { listMembers } from "@/db/queries/members";
import { accounts, emails, invitations, memberships, users } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { acceptInvitation, describeInvitation } from "@/lib/invitations/accept-invitation";
import { inviteMember, type Invitee } from "@/lib/invitations/invite-member";
import { inviteMembersInBulk } from "@/lib/invitations/invite-members-in-bulk";
import { changeInvitee, renewInvitation, revokeInvitation } from "@/lib/invitations/manage-invitation";
import { announceAccessChange } from "@/lib/members/announce-access-change";
import { changeMemberAccess } from "@/lib/members/change-member-access";
import { changeMemberStatus } from "@/lib/members/change-member-status";
import { removeMember } from "@/lib/members/remove-member";
import { updatePersonInfo } from "@/lib/members/update-person";
import { inviteSchema } from "@/lib/validation/invite";
import { accessAs, accountIdOf, inTransaction, membershipOf, reachingAccessAs, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

// Acceptance is counted per caller address (lib/auth/rate-limit.ts).
const TEST_IP = "203.0.113.7";

const database = useTestDatabase();
beforeAll(() => seedDemoData());

const NEW_PASSWORD = "violet staircase umbrella";
const observer = (email: string, name = "New Person"): Invitee => ({ email, name, role: "observer", licenses: ["marketing"], overrides: {} });
const tokenOf = (inviteUrl: string) => inviteUrl.split("/invite/")[1]!;

async function invite(email: string, as = "superuser@acme.test", invitee = observer(email), slug = "acme") {
  const actor = await reachingAccessAs(as, slug);
  // As the action does: the form's schema normalizes the input first.
  const issued = await inTransaction((tx) => inviteMember(tx, actor, inviteSchema.parse(invitee)));
  return { ...issued, token: tokenOf(issued.inviteUrl) };
}

/** Someone who signed up through another account: a password and a membership elsewhere. */
async function personWithLogin(email: string): Promise<string> {
  const [person] = await db().insert(users).values({ email, name: "Has Login", passwordHash: await hashPassword(DEMO_PASSWORD) }).returning();
  await db().insert(memberships).values({ userId: person!.id, accountId: await accountIdOf("bright-dental"), role: "member", licenses: ["marketing"] });
  return email;
}

async function invitedMembership(membershipId: string) {
  const [row] = await db().select().from(memberships).where(eq(memberships.id, membershipId));
  return row;
}

describe(`inviting (${database.driver})`, () => {
  it("creates an invited membership that grants nothing, a hashed link and an email", async () => {
    const { membershipId, token, emailId } = await invite("  New.Person@Example.COM ");
    expect((await invitedMembership(membershipId))?.status).toBe("invited");
    expect(await accessAs("new.person@example.com", "acme")).toBe("not-found");
    const [link] = await db().select().from(invitations).where(eq(invitations.membershipId, membershipId));
    expect(link!.tokenHash).not.toContain(token);
    expect(link!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const [email] = await db().select().from(emails).where(eq(emails.id, emailId!));
    expect(email).toMatchObject({ to: "new.person@example.com", template: "invitation" });
    expect(email!.text).toContain(`/invite/${token}`);
  });

  it("names an existing member or pending invitation instead of duplicating it", async () => {
    await invite("twice@example.com");
    await expect(invite("twice@example.com")).rejects.toThrow(/pending invitation/);
    await expect(invite("member@acme.test")).rejects.toThrow(/already a member/);
    expect(await db().select().from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(users.email, "twice@example.com"))).toHaveLength(1);
  });

  it("answers the same for a person who has a login elsewhere as for a new email", async () => {
    // admin@bright-dental.test has a password and belongs only to Bright Dental.
    const existing = await invite("admin@bright-dental.test", "superuser@acme.test", observer("admin@bright-dental.test", "Someone"));
    const fresh = await invite("brand.new@example.com");
    expect(Object.keys(existing).sort()).toEqual(Object.keys(fresh).sort());
    const [person] = await db().select().from(users).where(eq(users.email, "admin@bright-dental.test"));
    expect(person!.name).not.toBe("Someone"); // their own name is kept
  });

  it("gives a Filtered Reporting invitee their data filter, and nobody else one", async () => {
    const filter = { category: "location", values: ["Denver"] };
    const filtered = await invite("denver.only@example.com", "superuser@acme.test", { ...observer("denver.only@example.com"), role: "filtered_reporting", dataFilter: filter } as Invitee);
    expect((await invitedMembership(filtered.membershipId))?.dataFilter).toEqual(filter);
    const plain = await invite("no.filter@example.com", "superuser@acme.test", { ...observer("no.filter@example.com"), dataFilter: filter } as Invitee);
    expect((await invitedMembership(plain.membershipId))?.dataFilter).toBeNull();
  });

  it("makes links last as long as the account says", async () => {
    const acme = await accountIdOf("acme");
    await db().update(accounts).set({ inviteTtlDays: 30 }).where(eq(accounts.id, acme));
    try {
      const { expiresAt } = await invite("thirty@example.com");
      expect(Math.round((expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(30);
    } finally {
      await db().update(accounts).set({ inviteTtlDays: 7 }).where(eq(accounts.id, acme));
    }
  });

  it("refuses a Manager inviting a Super User, and writes nothing", async () => {
    const before = await db().select({ n: sql<number>`count(*)::int` }).from(users);
    await expect(invite("boss@example.com", "manager@acme.test", { ...observer("boss@example.com"), role: "super_user" })).rejects.toThrow(ActionError);
    const after = await db().select({ n: sql<number>`count(*)::int` }).from(users);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe(`accepting (${database.driver})`, () => {
  it("lets a new person set their name and password and activates the membership, once", async () => {
    const { token, membershipId } = await invite("joiner@example.com");
    expect((await describeInvitation(token)).state).toBe("open");
    const result = await acceptInvitation(token, { kind: "new-person", name: "Jo Iner", password: NEW_PASSWORD }, TEST_IP);
    expect(result).toEqual({ ok: true, accountSlug: "acme", email: "joiner@example.com", userId: await userIdOf("joiner@example.com") });
    expect((await invitedMembership(membershipId))?.status).toBe("active");
    const [person] = await db().select().from(users).where(eq(users.email, "joiner@example.com"));
    expect(person!.name).toBe("Jo Iner");
    expect(await verifyPassword(person!.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await accessAs("joiner@example.com", "acme")).not.toBe("not-found");

    expect(await acceptInvitation(token, { kind: "new-person", name: "Again", password: NEW_PASSWORD }, TEST_IP)).toEqual({ ok: false, reason: "link" });
    expect((await describeInvitation(token)).state).toBe("accepted");
  });

  it("works once when accepted twice at the same moment", async () => {
    const { token } = await invite("racer@example.com");
    const results = await Promise.all([
      acceptInvitation(token, { kind: "new-person", name: "A", password: NEW_PASSWORD }, TEST_IP),
      acceptInvitation(token, { kind: "new-person", name: "B", password: NEW_PASSWORD }, TEST_IP),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("asks a person with a login for their own password", async () => {
    const email = await personWithLogin("has.login@example.com");
    const { token } = await invite(email);
    expect(await acceptInvitation(token, { kind: "new-person", name: "X", password: NEW_PASSWORD }, TEST_IP)).toEqual({ ok: false, reason: "has-login" });
    expect(await acceptInvitation(token, { kind: "existing-person", password: "not their password" }, TEST_IP)).toEqual({ ok: false, reason: "wrong-password" });
    expect(await acceptInvitation(token, { kind: "existing-person", password: DEMO_PASSWORD }, TEST_IP)).toMatchObject({ ok: true });
  });

  it("refuses a signed-in person other than the invitee", async () => {
    const { token } = await invite("someone.else@example.com");
    const result = await acceptInvitation(token, { kind: "signed-in", userId: await userIdOf("member@acme.test") }, TEST_IP);
    expect(result).toEqual({ ok: false, reason: "wrong-person" });
    expect((await describeInvitation(token)).state).toBe("open");
  });

  it("refuses an expired link and says so", async () => {
    const { token, membershipId } = await invite("late@example.com");
    await db().update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.membershipId, membershipId));
    expect((await describeInvitation(token)).state).toBe("expired");
    expect(await acceptInvitation(token, { kind: "new-person", name: "Late", password: NEW_PASSWORD }, TEST_IP)).toEqual({ ok: false, reason: "link" });
    expect((await invitedMembership(membershipId))?.status).toBe("invited");
  });

  it("rotates the link on resend and kills it on revoke", async () => {
    const { token: first, membershipId } = await invite("rotate@example.com");
    const actor = await reachingAccessAs("superuser@acme.test", "acme");
    const renewed = await inTransaction((tx) => renewInvitation(tx, actor, membershipId, "email"));
    const second = tokenOf(renewed.inviteUrl);
    expect((await describeInvitation(first)).state).toBe("replaced");
    expect((await describeInvitation(second)).state).toBe("open");
    await inTransaction((tx) => revokeInvitation(tx, actor, membershipId));
    expect((await describeInvitation(second)).state).toBe("revoked");
    expect(await invitedMembership(membershipId)).toBeUndefined();
    expect(await db().select().from(users).where(eq(users.email, "rotate@example.com"))).toHaveLength(0);
  });

  it("kills the link when the invitee's email changes before acceptance, and invites the new address", async () => {
    const { token, membershipId } = await invite("typo@exmaple.com");
    const actor = await reachingAccessAs("superuser@acme.test", "acme");
    const reissued = await inTransaction((tx) => changeInvitee(tx, actor, membershipId, { name: "Typo Fixed", email: "typo@example.com" }));
    expect((await describeInvitation(token)).state).toBe("email_changed");
    expect((await describeInvitation(tokenOf(reissued!.inviteUrl))).state).toBe("open");
    const [moved] = await db().select({ email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.id, membershipId));
    expect(moved!.email).toBe("typo@example.com");
    // The mistyped address's person existed only for this invitation.
    expect(await db().select().from(users).where(eq(users.email, "typo@exmaple.com"))).toHaveLength(0);
  });

  it("corrects an invitee's name on the open link, and says so when there is none", async () => {
    const { token, membershipId } = await invite("renamed@example.com", "superuser@acme.test", observer("renamed@example.com", "Renee Typo"));
    const actor = await reachingAccessAs("superuser@acme.test", "acme");
    await inTransaction((tx) => changeInvitee(tx, actor, membershipId, { name: "Renée Right", email: "renamed@example.com" }));
    const current = await describeInvitation(token);
    expect(current.state === "open" && current.invitation.inviteeName).toBe("Renée Right");
    await db().update(invitations).set({ endedAt: new Date(), endReason: "void" }).where(eq(invitations.membershipId, membershipId));
    await expect(inTransaction((tx) => changeInvitee(tx, actor, membershipId, { name: "Again", email: "renamed@example.com" }))).rejects.toThrow(/no working link/);
  });

  it("binds a link to its address: when the person's email changes, every open link to the old one dies", async () => {
    const email = await personWithLogin("moving@example.com");
    const { token } = await invite(email);
    const networkAdmin = await reachingAccessAs("superuser@acme.test", "bright-dental");
    const brightMembership = await membershipOf(email, "bright-dental");
    await inTransaction((tx) => updatePersonInfo(tx, networkAdmin, brightMembership.id, { name: "Moved", email: "moved@example.com", phone: null }, { name: "Has Login", email, phone: null }));
    expect((await describeInvitation(token)).state).toBe("email_changed");
    expect(await acceptInvitation(token, { kind: "existing-person", password: DEMO_PASSWORD }, TEST_IP)).toEqual({ ok: false, reason: "link" });
  });

  it("sends a fresh link when an invitee's access changes, so a link grants only what it said", async () => {
    const { token, membershipId } = await invite("regrant@example.com");
    const actor = await reachingAccessAs("superuser@acme.test", "acme");
    const membership = (await invitedMembership(membershipId))!;
    const emailId = await inTransaction(async (tx) => {
      const { before, after } = await changeMemberAccess(tx, actor, { membershipId, expectedVersion: membership.version, role: "member", licenses: ["marketing"], overrides: {} });
      return announceAccessChange(tx, actor, before, after);
    });
    expect((await describeInvitation(token)).state).toBe("replaced");
    const [email] = await db().select().from(emails).where(eq(emails.id, emailId!));
    expect(email).toMatchObject({ template: "invitation", to: "regrant@example.com" });
    expect(email!.text).toContain("Member");
  });

  it("refuses to activate, deactivate or delete an invited membership by hand", async () => {
    const { membershipId } = await invite("no.shortcut@example.com");
    const actor = await reachingAccessAs("superuser@acme.test", "acme");
    await expect(inTransaction((tx) => changeMemberStatus(tx, actor, membershipId, "active"))).rejects.toThrow(/not accepted their invitation/);
    await expect(inTransaction((tx) => changeMemberStatus(tx, actor, membershipId, "deactivated"))).rejects.toThrow(/not accepted their invitation/);
    await expect(inTransaction((tx) => removeMember(tx, actor, membershipId))).rejects.toThrow(/not accepted their invitation/);
    expect((await invitedMembership(membershipId))?.status).toBe("invited");
  });

  it("voids the invitation when the inviter can no longer grant it", async () => {
    const { token, membershipId } = await invite("voided@example.com", "manager@acme.test");
    const managerId = await userIdOf("manager@acme.test");
    await db().update(memberships).set({ role: "member" }).where(and(eq(memberships.userId, managerId)));
    try {
      expect(await acceptInvitation(token, { kind: "new-person", name: "V", password: NEW_PASSWORD }, TEST_IP)).toEqual({ ok: false, reason: "void" });
      expect((await describeInvitation(token)).state).toBe("void");
      expect((await invitedMembership(membershipId))?.status).toBe("invited");
    } finally {
      await db().update(memberships).set({ role: "manager" }).where(eq(memberships.userId, managerId));
    }
  });

  it("treats garbage and oversized tokens as unknown", async () => {
    expect((await describeInvitation("nope")).state).toBe("unknown");
    expect((await describeInvitation("x".repeat(5000))).state).toBe("unknown");
    expect(await acceptInvitation("nope", { kind: "new-person", name: "N", password: NEW_PASSWORD }, TEST_IP)).toEqual({ ok: false, reason: "link" });
  });
});

describe(`an invited row keeps the person private (${database.driver})`, () => {
  it("shows, sorts and searches by the invitation's name, then by the person's own once accepted", async () => {
    const email = await personWithLogin("private.person@example.com");
    await db().update(users).set({ name: "Zebulon Secret", lastSignInAt: new Date() }).where(eq(users.email, email));
    const { token } = await invite(email, "superuser@acme.test", observer(email, "Aaron Typed"));
    const acme = { id: await accountIdOf("acme"), parentId: null };
    const [row] = (await listMembers(acme, { q: "aaron typed" })).rows;
    expect(row).toMatchObject({ email, name: "Aaron Typed", lastSignInAt: null, twoFactorEnabled: false });
    expect((await listMembers(acme, { q: "zebulon" })).rows).toHaveLength(0);
    expect((await listMembers(acme, { q: "secret" })).rows).toHaveLength(0);

    await acceptInvitation(token, { kind: "existing-person", password: DEMO_PASSWORD }, TEST_IP);
    const [accepted] = (await listMembers(acme, { q: "zebulon" })).rows;
    expect(accepted).toMatchObject({ email, name: "Zebulon Secret", status: "active" });
  });
});

describe(`sort keys of invitations made in bulk (${database.driver})`, () => {
  const keysOf = async (membershipId: string) => {
    const [row] = await db()
      .select({ sortName: memberships.sortName, sortEmail: memberships.sortEmail, sortsAsNeverSignedIn: sql<boolean>`${memberships.sortLastSignIn} = '-infinity'` })
      .from(memberships)
      .where(eq(memberships.id, membershipId));
    return row!;
  };
  /** The keys the row trigger derives for this membership: setting user_id to itself derives them again. */
  const derivedKeysOf = async (membershipId: string) => {
    await db().update(memberships).set({ userId: sql`${memberships.userId}` }).where(eq(memberships.id, membershipId));
    return keysOf(membershipId);
  };

  it("presets exactly the keys the trigger would derive, for new people and people with a login", async () => {
    const withLogin = await personWithLogin("bulk.login@example.com");
    await db().update(users).set({ name: "Hidden Login Name", lastSignInAt: new Date() }).where(eq(users.email, withLogin));
    const actor = await reachingAccessAs("superuser@acme.test", "acme");
    await inTransaction((tx) =>
      inviteMembersInBulk(tx, actor, [
        { email: withLogin, name: "Typed For Login", role: "observer", licenses: ["marketing"] },
        { email: "bulk.fresh@example.com", name: null, role: "member", licenses: ["marketing"] },
      ]),
    );
    for (const [email, expected] of [
      [withLogin, { sortName: "typed for login", sortEmail: withLogin }],
      ["bulk.fresh@example.com", { sortName: "bulk.fresh@example.com", sortEmail: "bulk.fresh@example.com" }],
    ] as const) {
      const membership = await membershipOf(email, "acme");
      const preset = await keysOf(membership.id);
      expect(preset).toEqual({ ...expected, sortsAsNeverSignedIn: true });
      expect(await derivedKeysOf(membership.id)).toEqual(preset);
    }
  });

  it("derives again the keys of an invited row whose preset email is not the person's", async () => {
    const [person] = await db().insert(users).values({ email: "wrong.preset@example.com", name: "Wrong Preset" }).returning();
    const [inserted] = await db()
      .insert(memberships)
      .values({ userId: person!.id, accountId: await accountIdOf("acme"), role: "member", licenses: ["marketing"], status: "invited", sortName: "wrong preset", sortEmail: "aaa@elsewhere.test" })
      .returning({ id: memberships.id });
    expect(await keysOf(inserted!.id)).toMatchObject({ sortEmail: "wrong.preset@example.com", sortName: "wrong.preset@example.com" });
  });

  it("derives again the keys of an invited row preset to sort by a sign-in, in a statement beside rows the trigger derives", async () => {
    const people = await db()
      .insert(users)
      .values([
        { email: "signed.preset@example.com", name: "Signed Preset" },
        { email: "plain.derived@example.com", name: "Plain Derived" },
      ])
      .returning();
    const acme = await accountIdOf("acme");
    const inserted = await db()
      .insert(memberships)
      .values([
        { userId: people[0]!.id, accountId: acme, role: "member", licenses: ["marketing"], status: "invited", sortName: "signed preset", sortEmail: "signed.preset@example.com", sortLastSignIn: new Date() },
        { userId: people[1]!.id, accountId: acme, role: "member", licenses: ["marketing"], status: "invited" },
      ])
      .returning({ id: memberships.id });
    expect(await keysOf(inserted[0]!.id)).toEqual({ sortEmail: "signed.preset@example.com", sortName: "signed.preset@example.com", sortsAsNeverSignedIn: true });
    expect(await keysOf(inserted[1]!.id)).toEqual({ sortEmail: "plain.derived@example.com", sortName: "plain.derived@example.com", sortsAsNeverSignedIn: true });
  });
});
