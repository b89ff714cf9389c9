import { and, eq, isNull, sql, TransactionRollbackError } from "drizzle-orm";
import { db } from "@/db/client";
import { findAccountAccess } from "@/db/queries/accounts";
import { consumeInvitation, findInvitationByToken, voidInvitation, type InvitationView } from "@/db/queries/invitations";
import { memberships, users } from "@/db/schema";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "@/lib/auth/password";
import { attemptSucceeded, LIMITS, ownThrottles, passwordThrottles, sharedThrottles, takeAttempt } from "@/lib/auth/rate-limit";
import { permissionsOfAccess } from "@/lib/authz/access-permissions";
import { parseOverrides } from "@/lib/authz/effective";
import { grantProblems } from "@/lib/authz/grants";
import { deliverSoon } from "@/lib/email/send";
import { sendNotifications } from "@/lib/notifications/send-notifications";
import { recordAudit } from "@/lib/audit/record";

const TOKEN_MAX_LENGTH = 200;

export type InvitationState =
  | { state: "open"; invitation: InvitationView }
  | { state: "unknown" | "expired" | "accepted" | "replaced" | "revoked" | "email_changed" | "void" | "closed" };

/** What a link is now, for its page: only an open one shows the account and the form. */
export async function describeInvitation(token: string): Promise<InvitationState> {
  const invitation = token.length <= TOKEN_MAX_LENGTH ? await findInvitationByToken(token) : undefined;
  if (!invitation) return { state: "unknown" };
  if (invitation.endReason) return { state: invitation.endReason };
  if (invitation.expiresAt.getTime() <= Date.now()) return { state: "expired" };
  if (invitation.account.closedAt) return { state: "closed" };
  if (!invitation.membershipId || invitation.membershipStatus !== "invited" || !invitation.userId) return { state: "revoked" };
  // A link is bound to the address it was sent to.
  if (invitation.userEmail !== invitation.email) return { state: "email_changed" };
  return { state: "open", invitation };
}

/**
 * Whether the invite still holds at acceptance: the inviter must still reach
 * the account and be able to grant what the invitation grants, or it is void.
 */
async function inviterStillGrants(invitation: InvitationView): Promise<boolean> {
  if (!invitation.invitedByUserId || !invitation.membershipId) return false;
  const access = await findAccountAccess(invitation.invitedByUserId, invitation.account.slug);
  if (!access) return false;
  const permissions = permissionsOfAccess(access, invitation.invitedByUserId);
  if (!permissions.has("users.invite")) return false;
  const [membership] = await db()
    .select({ role: memberships.role, licenses: memberships.licenses, overrides: memberships.overrides })
    .from(memberships)
    .where(eq(memberships.id, invitation.membershipId));
  if (!membership) return false;
  const grant = { ...membership, overrides: parseOverrides(membership.overrides) };
  return (
    grantProblems({ userId: invitation.invitedByUserId, role: access.role, permissions }, grant, {
      accountType: access.account.type,
      accountProducts: access.account.products,
    }).length === 0
  );
}

export type Acceptance =
  // A new person chooses their name and password; someone who already has a
  // login proves it with their password; a signed-in person just confirms.
  | { kind: "new-person"; name: string; password: string }
  | { kind: "existing-person"; password: string }
  | { kind: "signed-in"; userId: string };

export type AcceptResult =
  | { ok: true; accountSlug: string; email: string; userId: string }
  | { ok: false; reason: "link" | "void" | "wrong-person" | "wrong-password" | "has-login" }
  | { ok: false; reason: "throttled"; seconds: number };

/**
 * Accepts an invitation: the link is consumed by one conditional UPDATE in
 * the same transaction that activates the membership, so it works once even
 * when submitted twice at the same moment.
 */
export async function acceptInvitation(token: string, acceptance: Acceptance, callerIp: string): Promise<AcceptResult> {
  // Links that do not work are counted per address.
  const linkThrottles = [{ rule: LIMITS.invitationPerIp, subject: callerIp }];
  const linkAttempt = await takeAttempt(linkThrottles);
  if (!linkAttempt.allowed) return { ok: false, reason: "throttled", seconds: linkAttempt.waitSeconds };
  const current = await describeInvitation(token);
  if (current.state !== "open") {
    if (acceptance.kind !== "signed-in") await verifyAgainstDecoy(acceptance.password);
    return { ok: false, reason: "link" };
  }
  // A working link: its attempt goes back.
  await attemptSucceeded([], linkThrottles);
  const { invitation } = current;
  // A password proof counts as a sign-in attempt does.
  const passwordChecks = acceptance.kind === "existing-person" ? passwordThrottles(invitation.email, callerIp) : [];
  if (passwordChecks.length > 0) {
    const passwordAttempt = await takeAttempt(passwordChecks);
    if (!passwordAttempt.allowed) return { ok: false, reason: "throttled", seconds: passwordAttempt.waitSeconds };
  }
  const proof = await checkAcceptance(invitation, acceptance);
  if (proof !== "ok") return { ok: false, reason: proof };
  if (passwordChecks.length > 0) await attemptSucceeded(ownThrottles(passwordChecks), sharedThrottles(passwordChecks));
  const stillGrants = await inviterStillGrants(invitation);
  const passwordHash = acceptance.kind === "new-person" ? await hashPassword(acceptance.password) : undefined;

  const result = await db().transaction(async (tx): Promise<AcceptResult & { emailIds?: string[] }> => {
    // Person, membership, then the link: the order member edits (and a sign-in's trigger) take them, so none can deadlock.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, invitation.userId!)).for("no key update");
    await tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.id, invitation.membershipId!)).for("update");
    const consumed = await consumeInvitation(tx, token);
    if (!consumed || consumed.membershipId !== invitation.membershipId) return { ok: false, reason: "link" };
    if (!stillGrants) {
      await voidInvitation(tx, consumed.id);
      return { ok: false, reason: "void" };
    }
    if (acceptance.kind === "new-person") {
      const [updated] = await tx
        .update(users)
        .set({ name: acceptance.name, passwordHash: passwordHash! })
        .where(and(eq(users.id, invitation.userId!), eq(users.email, invitation.email), isNull(users.passwordHash)))
        .returning({ id: users.id });
      // They set a password some other way since the page opened: sign in instead.
      if (!updated) tx.rollback();
    }
    const [activated] = await tx
      .update(memberships)
      .set({ status: "active", version: sql`${memberships.version} + 1` })
      .where(and(eq(memberships.id, invitation.membershipId!), eq(memberships.status, "invited")))
      .returning({ id: memberships.id });
    if (!activated) return { ok: false, reason: "link" };
    await recordAudit(tx, {
      action: "invitation.accepted",
      accountId: invitation.account.id,
      actor: { userId: invitation.userId!, email: invitation.email },
      target: { type: "membership", id: invitation.membershipId!, label: invitation.email },
      details: { as: acceptance.kind },
    });
    const emailIds = consumed.invitedByUserId
      ? await sendNotifications(tx, [
          {
            userId: consumed.invitedByUserId,
            accountId: invitation.account.id,
            accountName: invitation.account.name,
            kind: "invite_accepted",
            title: `${invitation.email} accepted your invitation`,
            body: `They joined ${invitation.account.name}.`,
            link: `/a/${invitation.account.slug}/settings/users`,
          },
        ])
      : [];
    return { ok: true, accountSlug: invitation.account.slug, email: invitation.email, userId: invitation.userId!, emailIds };
  }).catch((error: unknown) => {
    if (error instanceof TransactionRollbackError) return { ok: false, reason: "has-login" } as const;
    throw error;
  });
  if (!result.ok) return result;
  // The inviter's email, if their settings ask for one, goes once the acceptance is committed.
  const { emailIds = [], ...accepted } = result;
  await deliverSoon(emailIds);
  return accepted;
}

async function checkAcceptance(invitation: InvitationView, acceptance: Acceptance): Promise<"ok" | "wrong-person" | "wrong-password" | "has-login"> {
  if (acceptance.kind === "signed-in") return acceptance.userId === invitation.userId ? "ok" : "wrong-person";
  if (acceptance.kind === "new-person") {
    if (invitation.userHasPassword) return "has-login";
    return "ok";
  }
  const [person] = await db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, invitation.userId!));
  if (!person?.passwordHash) {
    await verifyAgainstDecoy(acceptance.password);
    return "wrong-password";
  }
  return (await verifyPassword(person.passwordHash, acceptance.password)) ? "ok" : "wrong-password";
}
