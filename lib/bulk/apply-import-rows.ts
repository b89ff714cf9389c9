import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { memberships, users, type RowResult, type StoredImportRow } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import { parseOverrides } from "@/lib/authz/effective";
import { inviteMembersInBulk } from "@/lib/invitations/invite-members-in-bulk";
import { changeInvitee, revokeInvitation } from "@/lib/invitations/manage-invitation";
import { announceAccessChange } from "@/lib/members/announce-access-change";
import { changeMemberAccess } from "@/lib/members/change-member-access";
import { removeMember } from "@/lib/members/remove-member";
import { lockPersonOfMember } from "@/lib/members/update-person";
import type { ImportActor } from "./import-actor";
import { planImport, type ImportRow, type RowPlan } from "./plan-import";

// Results in the rows' order, one each.
export type AppliedRows = { results: RowResult[]; emailIds: string[] };
type RowOutcome = RowResult & { rowNumber: number };

const toImportRow = (row: StoredImportRow): ImportRow => ({
  rowNumber: row.rowNumber,
  email: row.email,
  role: row.role,
  name: row.name,
  license: row.license,
  delete: row.deleteCell,
});

const RESULT_OF = { create: "invited", update: "changed", delete: "deleted" } as const;

/**
 * Applies a chunk of an import's rows, in the caller's transaction, which
 * holds the account's lock as the uploader. Rows the preview refused stay
 * refused and rows it left unchanged stay so; every other row is planned
 * again against the account as it is now, and applied only if it still means
 * what the preview showed the uploader: a member someone changed since (their
 * version moved on) is not overwritten. Changes and deletions go one by one
 * through the same functions as the single edits, each in a savepoint, so a
 * refused row costs only itself; invitations go in one set-based batch.
 */
export async function applyImportRows(tx: Transaction, actor: ImportActor, rows: StoredImportRow[]): Promise<AppliedRows> {
  const outcomes: RowOutcome[] = [];
  const emailIds: string[] = [];
  const inRowOrder = (): AppliedRows => {
    const outcomeOf = new Map(outcomes.map(({ rowNumber, ...result }) => [rowNumber, result]));
    const results = rows.map((row) => outcomeOf.get(row.rowNumber));
    if (results.some((result) => result === undefined)) throw new Error("A row of the chunk ended without a result");
    return { results: results as RowResult[], emailIds };
  };
  const pending = rows.filter((row) => {
    if (row.plan === "error") outcomes.push({ rowNumber: row.rowNumber, result: "error", error: row.planErrors.join(" ") });
    else if (row.plan === "unchanged") outcomes.push({ rowNumber: row.rowNumber, result: "unchanged" });
    return row.plan !== "error" && row.plan !== "unchanged";
  });
  if (pending.length === 0) return inRowOrder();

  // The preview decided which rows restate a network membership (those are "unchanged" and not
  // here); planned again without the file's other rows, none of these may be taken for one.
  const replanned = await planImport(tx, actor, pending.map(toImportRow), { echoes: false });
  const invites: RowPlan[] = [];
  for (const [index, row] of pending.entries()) {
    const plan = replanned.rows[index]!;
    const refusal = stillMeansWhatWasShown(row, plan);
    if (refusal) outcomes.push({ rowNumber: row.rowNumber, result: "error", error: refusal });
    else if (plan.kind === "create") invites.push(plan);
    else outcomes.push(await applyOne(tx, actor, plan, emailIds));
  }
  if (invites.length > 0) {
    emailIds.push(...(await inviteMembersInBulk(tx, actor, invites.map((plan) => ({ email: plan.email, ...plan.target! })))));
    for (const plan of invites) outcomes.push({ rowNumber: plan.rowNumber, result: "invited" });
  }
  return inRowOrder();
}

/** Why a row may not be applied as it was previewed, or undefined when it may. */
function stillMeansWhatWasShown(row: StoredImportRow, plan: RowPlan): string | undefined {
  if (plan.kind === "error") return plan.errors.join(" ");
  const sameMember = (plan.existing?.membershipId ?? null) === row.membershipId && (plan.existing?.version ?? null) === row.membershipVersion;
  if (plan.kind !== row.plan || !sameMember) {
    return `${plan.email} changed after the file was checked, so this row was left alone. Upload the file again to check it against the account as it is now.`;
  }
  return undefined;
}

/** One change or deletion, in a savepoint: refused, it leaves nothing behind and the chunk goes on. */
async function applyOne(tx: Transaction, actor: ImportActor, plan: RowPlan, emailIds: string[]): Promise<RowOutcome> {
  try {
    await tx.transaction(async (savepoint) => {
      const emailId = plan.kind === "delete" ? await deleteMember(savepoint, actor, plan) : await updateMember(savepoint, actor, plan);
      if (emailId) emailIds.push(emailId);
    });
    return { rowNumber: plan.rowNumber, result: RESULT_OF[plan.kind as "update" | "delete"] };
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    // Queued in the rolled-back savepoint, so gone with it.
    return { rowNumber: plan.rowNumber, result: "error", error: error.message };
  }
}

async function deleteMember(tx: Transaction, actor: ImportActor, plan: RowPlan): Promise<undefined> {
  const { membershipId, status } = plan.existing!;
  if (status === "invited") await revokeInvitation(tx, actor, membershipId);
  else await removeMember(tx, actor, membershipId);
  return undefined;
}

/** A row's new role and licenses (the member's toggles kept) and, when its Name cell is filled, name. */
async function updateMember(tx: Transaction, actor: ImportActor, plan: RowPlan): Promise<string | undefined> {
  const { membershipId, status, version } = plan.existing!;
  const target = plan.target!;
  let emailId: string | undefined;
  if (plan.changes.some((change) => change.field !== "name")) {
    const [current] = await tx.select({ overrides: memberships.overrides }).from(memberships).where(eq(memberships.id, membershipId));
    const overrides = parseOverrides(current?.overrides);
    const { before, after } = await changeMemberAccess(tx, actor, { membershipId, expectedVersion: version, role: target.role, licenses: target.licenses, overrides });
    emailId = await announceAccessChange(tx, actor, before, after);
  }
  if (target.name !== null) {
    // An invitee's name is the invitation's; a person's is theirs everywhere, so the reach must cover them.
    if (status === "invited") await changeInvitee(tx, actor, membershipId, { email: plan.email, name: target.name });
    else {
      const membership = await lockPersonOfMember(tx, actor, membershipId);
      await tx.update(users).set({ name: target.name }).where(eq(users.id, membership.userId));
    }
  }
  return emailId;
}
