import type { Executor } from "@/db/client";
import { countActiveSuperUsers, importMembersByEmail, type ImportMember } from "@/db/queries/import-members";
import { ActionError } from "@/lib/action-error";
import type { Actor } from "@/lib/members/membership-guards";
import { peopleCoveredByAdmin } from "@/lib/members/person-reach";
import { emailSchema } from "@/lib/validation/user";
import { classifyRow, grantChecker, type DraftPlan, type ImportRow, type RowPlan, type RowPlanKind } from "./classify-import-row";

export type { ImportRow, RowChange, RowPlan, RowPlanKind } from "./classify-import-row";
export type ImportPlan = { rows: RowPlan[]; counts: Record<RowPlanKind, number> };

// peopleCoveredByAdmin sends one parameter per person: keep each call well under Postgres's limit.
const REACH_CHUNK = 1_000;

/**
 * The preview (dry run) of a bulk upload: every row classified as create (an
 * invitation), update, delete, unchanged or error, with the reasons. Reads
 * only — nothing is written — with a fixed number of queries whatever the
 * file's size: the members the file names (per 1,000 emails), the reach over
 * renamed people (per 1,000), and the account's Super User count when the file
 * takes Super Users away. The apply step re-checks each row under its locks.
 */
export async function planImport(executor: Executor, actor: Actor, rows: ImportRow[]): Promise<ImportPlan> {
  // The caller authorizes; this guards against a caller that forgot.
  if (!actor.permissions.has("users.bulk_manage")) throw new ActionError("You cannot manage users in bulk in this account.");

  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const email = emailSchema.safeParse(row.email);
    if (email.success && !firstRowOf.has(email.data)) firstRowOf.set(email.data, row.rowNumber);
  }
  const members = await importMembersByEmail(executor, actor.account, [...firstRowOf.keys()]);
  const context = { actor, firstRowOf, memberOf: memberByEmail(members), grantErrors: grantChecker(actor) };
  const drafts = rows.map((row) => classifyRow(row, context));

  await refuseRenamesBeyondReach(executor, actor, drafts);
  await refuseLosingLastSuperUser(executor, actor, drafts);
  return summarize(drafts);
}

/** One row per email: a child account's own membership wins over its network's, which is only shown there. */
function memberByEmail(members: ImportMember[]): Map<string, ImportMember> {
  const byEmail = new Map<string, ImportMember>();
  for (const member of members) {
    if (!byEmail.has(member.email) || member.viaAccountName === null) byEmail.set(member.email, member);
  }
  return byEmail;
}

function fail(plan: DraftPlan, error: string): void {
  plan.errors.push(error);
  plan.kind = "error";
}

/**
 * A name belongs to the person, in every account: only an admin whose reach
 * covers all of the person's memberships may change it (see person-reach).
 */
async function refuseRenamesBeyondReach(executor: Executor, actor: Actor, drafts: DraftPlan[]): Promise<void> {
  const renames = drafts.filter((plan) => plan.kind === "update" && plan.renamesPerson);
  const people = [...new Set(renames.map((plan) => plan.renamesPerson!))];
  const covered = new Set<string>();
  for (let start = 0; start < people.length; start += REACH_CHUNK) {
    for (const id of await peopleCoveredByAdmin(actor.session.user.id, people.slice(start, start + REACH_CHUNK), executor)) covered.add(id);
  }
  for (const plan of renames) {
    if (!covered.has(plan.renamesPerson!)) {
      fail(plan, `You cannot rename ${plan.email}: a name changes in every account they belong to, and some of those are beyond your reach.`);
    }
  }
}

/**
 * The account must keep an active Super User reaching it. The deletes and
 * demotions of the whole file are counted together, in row order as the
 * apply takes them; the rows that would remove the last one are refused.
 * Promotions in the file are not counted: the apply could meet them later
 * (or fail them), so the preview never relies on them.
 */
async function refuseLosingLastSuperUser(executor: Executor, actor: Actor, drafts: DraftPlan[]): Promise<void> {
  const losses = drafts.filter((plan) => plan.losesSuperUser && plan.kind !== "error");
  if (losses.length === 0) return;
  let remaining = await countActiveSuperUsers(executor, actor.account);
  for (const plan of losses) {
    if (remaining > 1) remaining -= 1;
    else fail(plan, `${actor.account.name} must keep at least one active Super User: ${plan.kind === "delete" ? "deleting" : "demoting"} ${plan.email} would leave none.`);
  }
}

function summarize(drafts: DraftPlan[]): ImportPlan {
  const counts: Record<RowPlanKind, number> = { create: 0, update: 0, delete: 0, unchanged: 0, error: 0 };
  const rows = drafts.map(({ losesSuperUser: _loses, renamesPerson: _renames, ...plan }): RowPlan => {
    counts[plan.kind] += 1;
    return plan.kind === "error" ? { ...plan, target: undefined } : plan;
  });
  return { rows, counts };
}
