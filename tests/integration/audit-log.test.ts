import { randomUUID } from "node:crypto";
import { eq, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { createAccessPreset } from "@/db/queries/access-presets";
import { auditEventPages, auditScope, listAuditEvents } from "@/db/queries/audit-events";
import { DEMO_PASSWORD, seedDemoData } from "@/db/seed";
import { accounts, auditEvents, emails, invitations, memberships, passwordTokens, users, type AccountType, type AuditEvent } from "@/db/schema";
import type { ActionResult } from "@/lib/action";
import { closeAccount as closeAccountNow } from "@/lib/accounts/close-account";
import type { AuditAction } from "@/lib/audit/actions";
import { hashPassword } from "@/lib/auth/password";
import { issuePasswordReset } from "@/lib/auth/password-reset";
import type { CurrentSession } from "@/lib/auth/session";
import { setPasswordWithToken } from "@/lib/auth/set-password";
import { issueSignInProof, redeemSignInProof } from "@/lib/auth/sign-in-proof";
import { verifyCredentialsWithLimits } from "@/lib/auth/sign-in-limits";
import type { Role } from "@/lib/authz/roles";
import { previewUpload } from "@/lib/bulk/preview-upload";
import { startImport } from "@/lib/bulk/start-import";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { inviteMember } from "@/lib/invitations/invite-member";
import { parseAuditQuery } from "@/lib/validation/audit-query";
import { inviteSchema } from "@/lib/validation/invite";
import { accountIdOf, inTransaction, membershipOf, reachingAccessAs, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";
import { entriesWrittenBy, onlyEntryOf } from "./support/audit-entries";

// The actions run as whoever `signedIn` holds, inside a request from REQUEST:
// the audit log reads the caller's address and browser from its headers.
const signedIn = vi.hoisted(() => ({ session: null as CurrentSession | null }));
const REQUEST = vi.hoisted(() => ({ ip: "198.51.100.23", userAgent: "AuditTest/1.0 (integration)" }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => signedIn.session }));
vi.mock("@/lib/auth/reissue-session", () => ({ reissueSessionToken: async () => true }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": `10.1.1.1, ${REQUEST.ip}`, "user-agent": REQUEST.userAgent }),
}));

const profileActions = await import("@/app/profile/actions");
const userActions = await import("@/app/a/[account]/settings/users/actions");
const accountActions = await import("@/app/a/[account]/settings/account/actions");
const presetActions = await import("@/app/a/[account]/settings/presets/actions");

const database = useTestDatabase();
beforeAll(() => seedDemoData());
beforeEach(() => {
  signedIn.session = null;
});

const SUPER = "superuser@acme.test";
const NEW_PASSWORD = "violet harbour lantern 42";
const WRONG_PASSWORD = "wrong horse battery staple";
const TYPED_INTO_EMAIL = "hunter2-secret-value";
// The sign-in action and the credentials provider read the request's origin themselves and hand it on.
const SIGN_IN_ORIGIN = { ip: "203.0.113.61", userAgent: "SignInBrowser/2.0" };

/** Every password typed and link token or sign-in proof handed out in this file: none may reach the log. */
const secrets = new Set<string>([DEMO_PASSWORD, NEW_PASSWORD, WRONG_PASSWORD, TYPED_INTO_EMAIL]);

// ---------------------------------------------------------------------------
// Helpers

async function signInAs(email: string): Promise<void> {
  signedIn.session = { user: { id: await userIdOf(email), email, name: email }, signedInAt: new Date() };
}

/** An action's data, or a failure naming why it was refused. */
async function succeeded<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(`The action was refused: ${answer.error}`);
  return answer.data;
}

/** A person with an active membership, set up directly (nothing is audited). */
async function newMember(email: string, slug: string, { role = "member", password }: { role?: Role; password?: string } = {}) {
  const [person] = await db()
    .insert(users)
    .values({ email, name: `Test ${email}`, passwordHash: password ? await hashPassword(password) : null })
    .returning();
  const [membership] = await db()
    .insert(memberships)
    .values({ userId: person!.id, accountId: await accountIdOf(slug), role, licenses: ["marketing", "contact_center"] })
    .returning();
  return { email, userId: person!.id, membershipId: membership!.id };
}

async function newAccount(slug: string, name: string, type: AccountType, { parent, holder }: { parent?: string; holder?: string } = {}) {
  const [account] = await db()
    .insert(accounts)
    .values({
      slug,
      name,
      type,
      parentId: parent ? await accountIdOf(parent) : null,
      products: ["marketing", "contact_center"],
      holderUserId: holder ? await userIdOf(holder) : null,
    })
    .returning();
  return account!;
}

const remembered = (token: string) => (secrets.add(token), token);
const tokenOfUrl = (url: string) => remembered(url.split("/").at(-1)!);

/** The one-time token in an email's link, as its recipient would click it. */
async function tokenInEmail(emailId: string): Promise<string> {
  const [email] = await db().select({ text: emails.text }).from(emails).where(eq(emails.id, emailId));
  const token = /\/(?:invite|reset-password)\/([\w-]+)/.exec(email?.text ?? "")?.[1];
  if (!token) throw new Error("The email carries no link");
  return remembered(token);
}

/** An invitation sent by the library function, as the invite action does it. */
async function invite(email: string, { as = SUPER, slug = "acme" } = {}) {
  const actor = await reachingAccessAs(as, slug);
  const issued = await inTransaction((tx) =>
    inviteMember(tx, actor, inviteSchema.parse({ email, name: "Invited Person", role: "observer", licenses: ["marketing"] })),
  );
  return { membershipId: issued.membershipId, token: tokenOfUrl(issued.inviteUrl) };
}

async function resetTokenFor(email: string): Promise<string> {
  const [person] = await db().select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, email));
  return tokenInEmail(await inTransaction((tx) => issuePasswordReset(tx, person!)));
}

/**
 * A password sign-in carried through as the app does: the password behind its
 * limits, then the proof the credentials provider redeems (where it is recorded).
 */
async function signInWithPassword(email: string, password: string) {
  const identity = await verifyCredentialsWithLimits({ email, password }, SIGN_IN_ORIGIN);
  if (!identity || identity === "throttled") return identity;
  return redeemSignInProof(remembered(await issueSignInProof(identity)), SIGN_IN_ORIGIN);
}


const allEntries = () => db().select().from(auditEvents).orderBy(auditEvents.id);

/** Every entry an account's log shows, as the page and its export scope it. */
async function logOf(slug: string): Promise<AuditEvent[]> {
  const [account] = await db().select().from(accounts).where(eq(accounts.slug, slug));
  const rows: AuditEvent[] = [];
  for await (const page of auditEventPages(await auditScope(account!), {})) rows.push(...page);
  return rows;
}
const idsOf = (rows: AuditEvent[]) => rows.map((row) => row.id);

const actorOf = async (email: string) => ({ actorUserId: await userIdOf(email), actorEmail: email });
const personTarget = async (email: string) => ({ targetType: "person", targetId: await userIdOf(email), targetLabel: email });
const membershipTarget = (membershipId: string, email: string) => ({ targetType: "membership", targetId: membershipId, targetLabel: email });

/** An error's message with those of its causes (a driver error travels inside Drizzle's). */
function messagesOf(error: unknown): string {
  const parts: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) parts.push(current.message);
  return parts.join(" | ");
}

// ---------------------------------------------------------------------------
// 1. Each kind of event, written once by the operation that causes it

type EventCase = {
  action: AuditAction;
  by: string;
  /** Sets the stage, runs the one operation, and answers the entry it wrote with the fields it must have. */
  scenario: () => Promise<{ entry: AuditEvent; expected: Partial<AuditEvent> }>;
};

const EVENT_CASES: EventCase[] = [
  {
    action: "invitation.sent",
    by: "the invite action",
    scenario: async () => {
      await signInAs(SUPER);
      const email = "sent.invite@example.com";
      const { result, entry } = await onlyEntryOf(() =>
        succeeded(userActions.inviteUser("acme", { email, name: "Sent Invite", role: "observer", licenses: ["marketing"] })),
      );
      await tokenInEmail(result.emailId!);
      return {
        entry,
        expected: {
          accountId: await accountIdOf("acme"),
          ...(await actorOf(SUPER)),
          ...membershipTarget(result.membershipId, email),
          details: { role: "observer", licenses: ["marketing"], overrides: {} },
        },
      };
    },
  },
  {
    action: "invitation.resent",
    by: "resending the invitation by email",
    scenario: async () => {
      const email = "resent.invite@example.com";
      const { membershipId } = await invite(email);
      await signInAs(SUPER);
      const { result, entry } = await onlyEntryOf(() => succeeded(userActions.resendInvite("acme", { membershipId })));
      await tokenInEmail(result.emailId!);
      return {
        entry,
        expected: { accountId: await accountIdOf("acme"), ...(await actorOf(SUPER)), ...membershipTarget(membershipId, email), details: { delivery: "email" } },
      };
    },
  },
  {
    action: "invitation.resent",
    by: "copying a fresh invitation link",
    scenario: async () => {
      const email = "copied.invite@example.com";
      const { membershipId } = await invite(email);
      await signInAs(SUPER);
      const { result, entry } = await onlyEntryOf(() => succeeded(userActions.copyInviteLink("acme", { membershipId })));
      tokenOfUrl(result.inviteUrl);
      return {
        entry,
        expected: { accountId: await accountIdOf("acme"), ...(await actorOf(SUPER)), ...membershipTarget(membershipId, email), details: { delivery: "copy" } },
      };
    },
  },
  {
    action: "invitation.revoked",
    by: "revoking the invitation",
    scenario: async () => {
      const email = "revoked.invite@example.com";
      const { membershipId } = await invite(email);
      await signInAs(SUPER);
      const { entry } = await onlyEntryOf(() => succeeded(userActions.revokeInvite("acme", { membershipId })));
      return { entry, expected: { accountId: await accountIdOf("acme"), ...(await actorOf(SUPER)), ...membershipTarget(membershipId, email) } };
    },
  },
  {
    action: "invitation.accepted",
    by: "a new person accepting their link",
    scenario: async () => {
      const email = "joiner@example.com";
      const { membershipId, token } = await invite(email);
      const expected = { accountId: await accountIdOf("acme"), ...(await actorOf(email)), ...membershipTarget(membershipId, email), details: { as: "new-person" } };
      const { result, entry } = await onlyEntryOf(() => acceptInvitation(token, { kind: "new-person", name: "Jo Iner", password: NEW_PASSWORD }, REQUEST.ip));
      expect(result).toMatchObject({ ok: true });
      return { entry, expected };
    },
  },
  {
    action: "member.access_changed",
    by: "the edit dialog's permissions tab",
    scenario: async () => {
      const { email, membershipId } = await newMember("access.change@example.com", "acme");
      const { version } = await membershipOf(email, "acme");
      await signInAs(SUPER);
      const { entry } = await onlyEntryOf(() =>
        succeeded(userActions.updateMemberAccess("acme", { membershipId, expectedVersion: version, role: "reporting", licenses: ["marketing"] })),
      );
      return {
        entry,
        expected: {
          accountId: await accountIdOf("acme"),
          ...(await actorOf(SUPER)),
          ...membershipTarget(membershipId, email),
          details: {
            before: { role: "member", licenses: ["marketing", "contact_center"], overrides: {}, dataFilter: null },
            after: { role: "reporting", licenses: ["marketing"], overrides: {}, dataFilter: null },
          },
        },
      };
    },
  },
  {
    action: "member.deactivated",
    by: "deactivating a member",
    scenario: async () => {
      const { email, membershipId } = await newMember("deactivated@example.com", "acme");
      await signInAs(SUPER);
      const { entry } = await onlyEntryOf(() => succeeded(userActions.deactivateMember("acme", { membershipId })));
      return { entry, expected: { accountId: await accountIdOf("acme"), ...(await actorOf(SUPER)), ...membershipTarget(membershipId, email) } };
    },
  },
  {
    action: "member.reactivated",
    by: "reactivating a member",
    scenario: async () => {
      const { email, membershipId } = await newMember("reactivated@example.com", "acme");
      await signInAs(SUPER);
      await succeeded(userActions.deactivateMember("acme", { membershipId }));
      const { entry } = await onlyEntryOf(() => succeeded(userActions.reactivateMember("acme", { membershipId })));
      return { entry, expected: { accountId: await accountIdOf("acme"), ...(await actorOf(SUPER)), ...membershipTarget(membershipId, email) } };
    },
  },
  {
    action: "member.deleted",
    by: "deleting a member's last membership",
    scenario: async () => {
      const { email, userId, membershipId } = await newMember("deleted@example.com", "acme", { role: "observer" });
      await signInAs(SUPER);
      const { entry } = await onlyEntryOf(() => succeeded(userActions.deleteMember("acme", { membershipId })));
      return {
        entry,
        expected: {
          accountId: await accountIdOf("acme"),
          ...(await actorOf(SUPER)),
          ...membershipTarget(membershipId, email),
          details: { role: "observer", personId: userId, lastMembership: true },
        },
      };
    },
  },
  {
    action: "member.password_reset_sent",
    by: "an admin sending a reset link",
    scenario: async () => {
      const { email, membershipId } = await newMember("reset.sent@example.com", "acme", { password: DEMO_PASSWORD });
      await signInAs(SUPER);
      const { result, entry } = await onlyEntryOf(() => succeeded(userActions.sendPasswordReset("acme", { membershipId })));
      await tokenInEmail(result.emailId);
      return { entry, expected: { accountId: await accountIdOf("acme"), ...(await actorOf(SUPER)), ...(await personTarget(email)) } };
    },
  },
  {
    action: "member.signed_out",
    by: "an admin signing a member out everywhere",
    scenario: async () => {
      const { email, membershipId } = await newMember("signed.out@example.com", "acme");
      await signInAs(SUPER);
      const { entry } = await onlyEntryOf(() => succeeded(userActions.signOutMemberEverywhere("acme", { membershipId })));
      return { entry, expected: { accountId: await accountIdOf("acme"), ...(await actorOf(SUPER)), ...(await personTarget(email)) } };
    },
  },
  {
    action: "auth.signed_in",
    by: "a password sign-in",
    scenario: async () => {
      const { result, entry } = await onlyEntryOf(() => signInWithPassword("member@acme.test", DEMO_PASSWORD));
      expect(result).toMatchObject({ id: await userIdOf("member@acme.test") });
      return { entry, expected: { accountId: null, ...(await actorOf("member@acme.test")), ...(await personTarget("member@acme.test")), ...SIGN_IN_ORIGIN } };
    },
  },
  {
    action: "auth.sign_in_failed",
    by: "a wrong password for a person's email, typed in capitals",
    scenario: async () => {
      const { result, entry } = await onlyEntryOf(() => signInWithPassword(" Member@Acme.TEST ", WRONG_PASSWORD));
      expect(result).toBeNull();
      return { entry, expected: { accountId: null, actorUserId: null, actorEmail: null, ...(await personTarget("member@acme.test")), ...SIGN_IN_ORIGIN } };
    },
  },
  {
    action: "auth.password_changed",
    by: "changing one's own password on the profile",
    scenario: async () => {
      const { email } = await newMember("password.changer@example.com", "acme", { password: DEMO_PASSWORD });
      await signInAs(email);
      const { entry } = await onlyEntryOf(() =>
        succeeded(profileActions.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })),
      );
      return { entry, expected: { accountId: null, ...(await actorOf(email)), ...(await personTarget(email)) } };
    },
  },
  {
    action: "auth.password_reset",
    by: "setting a password through a reset link",
    scenario: async () => {
      const { email } = await newMember("password.resetter@example.com", "acme", { password: DEMO_PASSWORD });
      const token = await resetTokenFor(email);
      const { result, entry } = await onlyEntryOf(() => setPasswordWithToken(token, NEW_PASSWORD));
      expect(result).toBe(true);
      return { entry, expected: { accountId: null, ...(await actorOf(email)), ...(await personTarget(email)) } };
    },
  },
  {
    action: "auth.signed_out_everywhere",
    by: "signing out everywhere else from the profile",
    scenario: async () => {
      await signInAs("reporting@acme.test");
      const { entry } = await onlyEntryOf(() => succeeded(profileActions.signOutEverywhereElse({})));
      return { entry, expected: { accountId: null, ...(await actorOf("reporting@acme.test")), ...(await personTarget("reporting@acme.test")) } };
    },
  },
  {
    action: "import.applied",
    by: "applying a previewed bulk upload",
    scenario: async () => {
      const actor = await reachingAccessAs(SUPER, "acme");
      const rows = [
        { rowNumber: 2, email: "imported.one@example.com", role: "Member", name: "Imported One", license: "", delete: "" },
        { rowNumber: 3, email: "imported.two@example.com", role: "Observer", name: "Imported Two", license: "", delete: "" },
      ];
      const { importId } = await inTransaction((tx) => previewUpload(tx, actor, { fileName: "audit-people.xlsx", rows }));
      const { entry } = await onlyEntryOf(() => inTransaction((tx) => startImport(tx, actor, { importId })));
      return {
        entry,
        expected: {
          accountId: await accountIdOf("acme"),
          ...(await actorOf(SUPER)),
          targetType: "import",
          targetId: importId,
          targetLabel: "audit-people.xlsx",
          details: { jobKey: `import:${importId}`, rows: 2, deletes: 0 },
        },
      };
    },
  },
  {
    action: "account.info_changed",
    by: "saving a child account's information",
    scenario: async () => {
      const id = await accountIdOf("summit-auto");
      const [before] = await db().select().from(accounts).where(eq(accounts.id, id));
      await signInAs(SUPER);
      const { entry } = await onlyEntryOf(() =>
        succeeded(
          accountActions.updateAccountInfo("summit-auto", {
            name: "Summit Auto Group",
            products: ["marketing", "contact_center"],
            inviteTtlDays: 14,
            expectedUpdatedAt: before!.updatedAt.toISOString(),
          }),
        ),
      );
      return {
        entry,
        expected: {
          accountId: id,
          ...(await actorOf(SUPER)),
          targetType: "account",
          targetId: id,
          targetLabel: "Summit Auto",
          details: {
            before: { name: "Summit Auto", products: ["marketing", "contact_center"], inviteTtlDays: 7 },
            after: { name: "Summit Auto Group", products: ["marketing", "contact_center"], inviteTtlDays: 14 },
          },
        },
      };
    },
  },
  {
    action: "account.ownership_transferred",
    by: "the holder handing the account to another Super User",
    scenario: async () => {
      const holder = "admin@bright-dental.test";
      const successor = await newMember("successor@bright.test", "bright-dental", { role: "super_user" });
      await signInAs(holder);
      const { entry } = await onlyEntryOf(() => succeeded(accountActions.transferOwnership("bright-dental", { newHolderUserId: successor.userId })));
      const id = await accountIdOf("bright-dental");
      return {
        entry,
        expected: {
          accountId: id,
          ...(await actorOf(holder)),
          targetType: "account",
          targetId: id,
          targetLabel: "Bright Dental",
          details: { fromUserId: await userIdOf(holder), toUserId: successor.userId },
        },
      };
    },
  },
  {
    action: "account.closed",
    by: "the holder closing a child account",
    scenario: async () => {
      const account = await newAccount("audit-closing", "Audit Closing", "advertiser", { parent: "acme", holder: SUPER });
      await signInAs(SUPER);
      const { entry } = await onlyEntryOf(() => succeeded(accountActions.closeAccount(account.slug, { confirmation: account.name })));
      return { entry, expected: { accountId: account.id, ...(await actorOf(SUPER)), targetType: "account", targetId: account.id, targetLabel: account.name } };
    },
  },
  {
    action: "account.reopened",
    by: "a network Super User reopening a closed account",
    scenario: async () => {
      const account = await newAccount("audit-reopening", "Audit Reopening", "publisher", { parent: "acme", holder: SUPER });
      await inTransaction((tx) => closeAccountNow(tx, account, account.name));
      await signInAs(SUPER);
      const { entry } = await onlyEntryOf(() => succeeded(accountActions.reopenAccount(account.slug, {})));
      return { entry, expected: { accountId: account.id, ...(await actorOf(SUPER)), targetType: "account", targetId: account.id, targetLabel: account.name } };
    },
  },
  {
    action: "preset.created",
    by: "creating an access preset",
    scenario: async () => {
      await signInAs(SUPER);
      const preset = { name: "Audit franchise manager", role: "manager", licenses: ["marketing"], overrides: { "users.invite": false } };
      const { result, entry } = await onlyEntryOf(() => succeeded(presetActions.createPreset("acme", preset)));
      return {
        entry,
        expected: {
          accountId: await accountIdOf("acme"),
          ...(await actorOf(SUPER)),
          targetType: "preset",
          targetId: result.id,
          targetLabel: preset.name,
          details: { role: "manager", licenses: ["marketing"], overrides: { "users.invite": false } },
        },
      };
    },
  },
  {
    action: "preset.deleted",
    by: "deleting an access preset",
    scenario: async () => {
      const acme = await accountIdOf("acme");
      const preset = await createAccessPreset(db(), acme, { name: "Doomed preset", role: "member", licenses: ["marketing"], overrides: {} });
      await signInAs(SUPER);
      const { entry } = await onlyEntryOf(() => succeeded(presetActions.deletePreset("acme", { presetId: preset.id })));
      // The preset is gone: only the entry's label can still say which one it was.
      return { entry, expected: { accountId: acme, ...(await actorOf(SUPER)), targetType: "preset", targetId: preset.id, targetLabel: "Doomed preset" } };
    },
  },
];

describe(`what the audit log records (${database.driver})`, () => {
  it.each(EVENT_CASES)("$action: one entry for $by", async ({ action, scenario }) => {
    const { entry, expected } = await scenario();
    const { details = {}, ...fields } = expected;
    expect(entry).toMatchObject({ action, actorCredentialId: null, ip: REQUEST.ip, userAgent: REQUEST.userAgent, ...fields });
    expect(entry.details).toEqual(details);
    expect(Date.now() - entry.occurredAt.getTime()).toBeLessThan(60_000);
  });

  it.each([
    {
      refused: "a Manager inviting a Super User",
      attempt: async () => {
        await signInAs("manager@acme.test");
        return userActions.inviteUser("acme", { email: "boss@example.com", name: "Boss", role: "super_user", licenses: ["marketing"] });
      },
    },
    {
      refused: "a change of access from a stale form",
      attempt: async () => {
        const { membershipId } = await newMember("stale.form@example.com", "acme");
        await signInAs(SUPER);
        return userActions.updateMemberAccess("acme", { membershipId, expectedVersion: 999, role: "observer", licenses: ["marketing"] });
      },
    },
    {
      refused: "a wrong current password",
      attempt: async () => {
        await signInAs("observer@acme.test");
        return profileActions.changePassword({ currentPassword: WRONG_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
      },
    },
    {
      refused: "deleting a preset that does not exist",
      attempt: async () => {
        await signInAs(SUPER);
        return presetActions.deletePreset("acme", { presetId: randomUUID() });
      },
    },
    { refused: "a made-up reset token", attempt: async () => ({ ok: await setPasswordWithToken("made-up-reset-token", NEW_PASSWORD) }) },
  ])("writes nothing for a refused operation: $refused", async ({ attempt }) => {
    let outcome: unknown;
    expect(await entriesWrittenBy(async () => (outcome = await attempt()))).toEqual([]);
    expect(outcome).toMatchObject({ ok: false });
  });
});

// ---------------------------------------------------------------------------
// 2. No secret in any row

describe(`secrets stay out of the log (${database.driver})`, () => {
  it.each([TYPED_INTO_EMAIL, `${TYPED_INTO_EMAIL}@`, "nobody@acme.test"])(
    "a failed sign-in with %j in the email field writes nothing",
    async (typed) => {
      const written = await entriesWrittenBy(async () => {
        expect(await signInWithPassword(typed, WRONG_PASSWORD)).toBeNull();
      });
      expect(written).toEqual([]);
    },
  );

  it("holds no password, link token or stored hash in any row", async () => {
    // Every link token ever mailed, including the unrendered bulk invitations' props.
    for (const email of await db().select().from(emails)) {
      for (const [, token] of `${email.text ?? ""} ${JSON.stringify(email.props ?? {})}`.matchAll(/\/(?:invite|reset-password)\/([\w-]+)/g)) secrets.add(token!);
    }
    const hashes = [
      ...(await db().select({ value: users.passwordHash }).from(users).where(isNotNull(users.passwordHash))),
      ...(await db().select({ value: invitations.tokenHash }).from(invitations)),
      ...(await db().select({ value: passwordTokens.tokenHash }).from(passwordTokens)),
    ].map((row) => row.value!);
    // A scan that found nothing to look for would prove nothing.
    expect(secrets.size).toBeGreaterThan(10);
    expect(hashes.length).toBeGreaterThan(10);

    const stored = JSON.stringify(await allEntries());
    expect([...secrets, ...hashes].filter((secret) => stored.includes(secret))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// 3. Append-only

describe(`the log is append-only (${database.driver})`, () => {
  it.each<[string, SQL]>([
    ["an update of one entry", sql`update audit_events set details = '{}'::jsonb, action = 'tampered' where id = (select min(id) from audit_events)`],
    ["an update of every entry", sql`update audit_events set actor_email = null`],
    ["a delete of one entry", sql`delete from audit_events where id = (select max(id) from audit_events)`],
    ["a delete of every entry", sql`delete from audit_events`],
    ["a truncate", sql`truncate audit_events`],
  ])("refuses %s and leaves every entry as it was", async (_, statement) => {
    const before = await allEntries();
    expect(before.length).toBeGreaterThan(0);
    const refusal = await db().execute(statement).then(() => undefined, (error: unknown) => error);
    expect(messagesOf(refusal)).toMatch(/append-only/);
    expect(await allEntries()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------
// 4. Whose events an account's log shows

describe(`the log's scope (${database.driver})`, () => {
  const ORBIT_ADMIN = "admin@orbit.test";
  let orbitPresetEntry: AuditEvent;

  beforeAll(async () => {
    // A second network with nothing to do with Acme, whose admin does one thing.
    const [person] = await db().insert(users).values({ email: ORBIT_ADMIN, name: "Orbit Admin", passwordHash: await hashPassword(DEMO_PASSWORD) }).returning();
    const orbit = await newAccount("orbit", "Orbit Network", "network", { holder: ORBIT_ADMIN });
    await db().insert(memberships).values({ userId: person!.id, accountId: orbit.id, role: "super_user", licenses: ["marketing", "contact_center"] });
    await signInAs(ORBIT_ADMIN);
    ({ entry: orbitPresetEntry } = await onlyEntryOf(() =>
      succeeded(presetActions.createPreset("orbit", { name: "Orbit preset", role: "member", licenses: ["marketing"], overrides: {} })),
    ));
  });

  it("of a network is itself and its child accounts", async () => {
    const acme = await accountIdOf("acme");
    const children = await db().select({ id: accounts.id }).from(accounts).where(eq(accounts.parentId, acme));
    const [network] = await db().select().from(accounts).where(eq(accounts.id, acme));
    expect((await auditScope(network!)).sort()).toEqual([acme, ...children.map((child) => child.id)].sort());
    const summit = await accountIdOf("summit-auto");
    const [child] = await db().select().from(accounts).where(eq(accounts.id, summit));
    expect(await auditScope(child!)).toEqual([summit]);
  });

  it("of a network includes every event of its child accounts and its own", async () => {
    const acme = await accountIdOf("acme");
    const network = await db().select({ id: accounts.id }).from(accounts).where(or(eq(accounts.id, acme), eq(accounts.parentId, acme)));
    const inNetwork = (await allEntries()).filter((entry) => network.some((account) => account.id === entry.accountId));
    // The network itself and several of its accounts have events by now.
    expect(new Set(inNetwork.map((entry) => entry.accountId))).toEqual(
      new Set([acme, ...(await Promise.all(["summit-auto", "bright-dental", "audit-closing", "audit-reopening"].map(accountIdOf)))]),
    );
    const shown = new Set(idsOf(await logOf("acme")));
    expect(idsOf(inNetwork).filter((id) => !shown.has(id))).toEqual([]);
  });

  it("of a child account leaves out the network's own events and its sibling accounts'", async () => {
    const summit = await accountIdOf("summit-auto");
    const log = await logOf("summit-auto");
    expect(log.map((entry) => entry.action)).toContain("account.info_changed");
    expect(log.filter((entry) => entry.accountId !== null && entry.accountId !== summit)).toEqual([]);
  });

  it("of another network shows its own events and none of Acme's, and Acme's shows none of its", async () => {
    expect(await logOf("orbit")).toEqual([orbitPresetEntry]);
    expect(idsOf(await logOf("acme"))).not.toContain(orbitPresetEntry.id);
    expect(idsOf(await logOf("bright-dental"))).not.toContain(orbitPresetEntry.id);
  });

  it("shows a person's own events (signing in, passwords) where they are a member, and nowhere else", async () => {
    const signIns = async (email: string) => {
      const { entry } = await onlyEntryOf(() => signInWithPassword(email, DEMO_PASSWORD));
      expect(entry).toMatchObject({ action: "auth.signed_in", accountId: null });
      return entry.id;
    };
    const acmeMember = await signIns("member@acme.test");
    const brightAdmin = await signIns("admin@bright-dental.test");
    const shownIn = async (slug: string) => idsOf(await logOf(slug)).filter((id) => id === acmeMember || id === brightAdmin);

    expect(await shownIn("acme")).toEqual([brightAdmin, acmeMember]);
    expect(await shownIn("bright-dental")).toEqual([brightAdmin]);
    expect(await shownIn("orbit")).toEqual([]);
    // Every person-level event so far is of someone in Acme or one of its accounts: all are in Acme's log.
    const personLevel = (await allEntries()).filter((entry) => entry.accountId === null);
    const acmeLog = new Set(idsOf(await logOf("acme")));
    expect(personLevel.filter((entry) => !acmeLog.has(entry.id))).toEqual([]);
  });

  it("does not show a person's sign-ins to an account that has only invited them", async () => {
    // An invitation grants nothing until it is accepted: the inviting account must not watch the invitee sign in elsewhere.
    await invite("member@acme.test", { as: ORBIT_ADMIN, slug: "orbit" });
    const { entry } = await onlyEntryOf(() => signInWithPassword("member@acme.test", DEMO_PASSWORD));
    expect(idsOf(await logOf("acme"))).toContain(entry.id);
    expect(idsOf(await logOf("orbit"))).not.toContain(entry.id);
  });

  it("shows a member's own events only from when they joined, and not once they are deactivated", async () => {
    const person = await userIdOf("member@acme.test");
    const orbit = await accountIdOf("orbit");
    // member@acme.test joins Orbit now; one sign-in from a year ago, one from after joining.
    await db().update(memberships).set({ status: "active" }).where(sql`${memberships.userId} = ${person} and ${memberships.accountId} = ${orbit}`);
    const entryAt = async (occurredAt: Date) => {
      const [row] = await db()
        .insert(auditEvents)
        .values({ action: "auth.signed_in", accountId: null, actorUserId: person, targetType: "person", targetId: person, targetLabel: "member@acme.test", occurredAt })
        .returning();
      return row!.id;
    };
    const before = await entryAt(new Date(Date.now() - 365 * 86_400_000));
    const after = await entryAt(new Date(Date.now() + 60_000));
    expect(idsOf(await logOf("orbit"))).toContain(after);
    expect(idsOf(await logOf("orbit"))).not.toContain(before);
    // Acme, where they are still active, shows what they do as its member.
    expect(idsOf(await logOf("acme"))).toContain(after);
    await db().update(memberships).set({ status: "deactivated" }).where(sql`${memberships.userId} = ${person} and ${memberships.accountId} = ${orbit}`);
    expect(idsOf(await logOf("orbit"))).not.toContain(after);
  });
});

// ---------------------------------------------------------------------------
// 5. Filters and paging, on an account of their own with entries at known times

const LAB_EVENTS = [
  { at: "2026-03-09T23:59:59.999Z", actor: "early@lab.test", action: "preset.created", target: "Early preset" },
  { at: "2026-03-10T00:00:00.000Z", actor: "a_b@lab.test", action: "invitation.sent", target: "Pat 100% Sure" },
  { at: "2026-03-10T12:30:00.000Z", actor: "axb@lab.test", action: "invitation.sent", target: "Pat 1000 Sure" },
  { at: "2026-03-11T08:00:00.000Z", actor: "Mixed.Case@Lab.test", action: "member.deactivated", target: "Quinn Mixed" },
  { at: "2026-03-11T23:59:59.999Z", actor: "axb@lab.test", action: "member.reactivated", target: "Quinn Mixed (back)" },
  { at: "2026-03-12T00:00:00.000Z", actor: "late@lab.test", action: "invitation.sent", target: "Late Invitee" },
  { at: "2026-03-15T09:00:00.000Z", actor: "late@lab.test", action: "preset.deleted", target: "Old preset" },
] as const;

describe(`filtering and paging the log (${database.driver})`, () => {
  let lab: string;

  beforeAll(async () => {
    lab = (await newAccount("audit-lab", "Audit Lab", "network")).id;
    // One at a time, so the ids follow the times.
    for (const event of LAB_EVENTS) {
      await db()
        .insert(auditEvents)
        .values({ accountId: lab, occurredAt: new Date(event.at), actorEmail: event.actor, action: event.action, targetType: "person", targetLabel: event.target });
    }
  });

  /** What the lab's log shows for these URL parameters, read as the page reads them: the targets, newest first. */
  async function labLog(params: Record<string, string>): Promise<string[]> {
    const { query, ignored } = parseAuditQuery(params);
    expect(ignored).toEqual([]);
    const page = await listAuditEvents([lab], query, 100);
    expect(page.next).toBeUndefined();
    return page.rows.map((row) => row.targetLabel!);
  }

  it.each<[string, Record<string, string>, string[]]>([
    ["no filter, newest first", {}, LAB_EVENTS.map((event) => event.target).reverse()],
    ["an action", { action: "invitation.sent" }, ["Late Invitee", "Pat 1000 Sure", "Pat 100% Sure"]],
    ["an actor, case-insensitively", { actor: "MIXED.case@lab" }, ["Quinn Mixed"]],
    ["an actor with a literal _", { actor: "A_B" }, ["Pat 100% Sure"]],
    ["an actor that is just _", { actor: "_" }, ["Pat 100% Sure"]],
    ["an actor that is just %", { actor: "%" }, []],
    ["a target with a literal %", { target: "100%" }, ["Pat 100% Sure"]],
    ["a target, case-insensitively", { target: "QUINN" }, ["Quinn Mixed (back)", "Quinn Mixed"]],
    ["a date range, both days whole", { from: "2026-03-10", to: "2026-03-11" }, ["Quinn Mixed (back)", "Quinn Mixed", "Pat 1000 Sure", "Pat 100% Sure"]],
    ["a single day", { from: "2026-03-10", to: "2026-03-10" }, ["Pat 1000 Sure", "Pat 100% Sure"]],
    ["a start only", { from: "2026-03-12" }, ["Old preset", "Late Invitee"]],
    ["an end only", { to: "2026-03-09" }, ["Early preset"]],
    ["everything at once", { action: "invitation.sent", actor: "AXB", target: "pat", from: "2026-03-10", to: "2026-03-12" }, ["Pat 1000 Sure"]],
  ])("by %s", async (_, params, expected) => {
    expect(await labLog(params)).toEqual(expected);
  });

  it.each<Record<string, string>>([{}, { action: "invitation.sent" }, { actor: "axb" }, { to: "2026-03-11" }])(
    "pages %j two at a time along the cursor, each event once, newest first",
    async (params) => {
      const everything = await labLog(params);
      const paged: string[] = [];
      let before: number | undefined;
      let pages = 0;
      do {
        const { query } = parseAuditQuery(before ? { ...params, before: String(before) } : params);
        const page = await listAuditEvents([lab], query, 2);
        expect(page.rows.length).toBeLessThanOrEqual(2);
        paged.push(...page.rows.map((row) => row.targetLabel!));
        before = page.next;
        pages += 1;
      } while (before);
      expect(paged).toEqual(everything);
      expect(pages).toBe(Math.max(1, Math.ceil(everything.length / 2)));

      const exported: string[] = [];
      for await (const page of auditEventPages([lab], parseAuditQuery(params).query, 2)) exported.push(...page.map((row) => row.targetLabel!));
      expect(exported).toEqual(everything);
    },
  );
});

describe("reading the log's filters from the address", () => {
  it("keeps good values, trimmed and typed", () => {
    const params = { actor: "  Avery ", target: "Pat", action: "member.deleted", from: "2026-03-10", to: "2026-03-11", before: "42" };
    expect(parseAuditQuery(params)).toEqual({
      query: { actor: "Avery", target: "Pat", action: "member.deleted", from: "2026-03-10", to: "2026-03-11", before: 42 },
      ignored: [],
    });
  });

  it.each<[string, string]>([
    ["action", "member.teleported"],
    ["from", "2026-13-45"],
    ["from", "2026-02-30"],
    ["to", "10/03/2026"],
    ["before", "-1"],
    ["before", "0"],
    ["before", "1.5"],
    ["before", "soon"],
    ["actor", "x".repeat(201)],
    ["target", "y".repeat(201)],
  ])("drops %s=%j, names it, and keeps the rest", (name, value) => {
    const other = name === "target" ? { actor: "kept" } : { target: "kept" };
    expect(parseAuditQuery({ ...other, [name]: value })).toEqual({ query: other, ignored: [name] });
  });

  it("drops an end before the start, and keeps a one-day range", () => {
    expect(parseAuditQuery({ from: "2026-03-11", to: "2026-03-10" })).toEqual({ query: { from: "2026-03-11" }, ignored: ["to"] });
    expect(parseAuditQuery({ from: "2026-03-11", to: "2026-03-11" })).toEqual({ query: { from: "2026-03-11", to: "2026-03-11" }, ignored: [] });
  });

  it("reports every bad value at once", () => {
    const { query, ignored } = parseAuditQuery({ action: "nope", from: "2026-13-45", before: "-1", actor: "x".repeat(201), target: "kept" });
    expect(query).toEqual({ target: "kept" });
    expect(ignored.sort()).toEqual(["action", "actor", "before", "from"]);
  });
});
