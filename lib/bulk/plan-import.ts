import type { Executor } from "@/db/client";
import { countActiveSuperUsers, importMembersByEmail, type ImportMember } from "@/db/queries/import-members";
import { ActionError } from "@/lib/action-error";
import type { Actor } from "@/lib/members/membership-guards";
import { peopleCoveredByAdmin } from "@/lib/members/person-reach";
import { classifyRow, echoesNetworkMember, grantChecker, importEmail, networkEcho, type DraftPlan, type ImportRow, type RowPlan, type RowPlanKind } from "./classify-import-row";

export type { ImportRow, RowChange, RowPlan, RowPlanKind } from "./classify-import-row";
export type ImportPlan = { rows: RowPlan[]; counts: Record<RowPlanKind, number> };

// peopleCoveredByAdmin sends one parameter per person: keep each call well under Postgres's limit.
const REACH_CHUNK = 1_000;

/**
 * The preview (dry run) of a bulk upload: every row classified as create (an
 * invitation), update, delete, unchanged or error, with the reasons. Reads
 * only — nothing is written — and never queries per row: the members the
 * file names (one query per 10,000 emails), the reach over renamed people (per
 * 1,000), and the account's Super User count when the file takes Super Users
 * away. The apply step re-checks each row under its locks.
 */
export type PlanOptions = {
  /**
   * Whether a row may be read as restating a network membership (see
   * networkEchoes). The apply step plans only rows the preview did not read
   * so, and without the file's other rows, so it turns this off.
   */
  echoes?: boolean;
};

export async function planImport(executor: Executor, actor: Actor, rows: ImportRow[], { echoes: findEchoes = true }: PlanOptions = {}): Promise<ImportPlan> {
  // The caller authorizes; this guards against a caller that forgot.
  if (!actor.permissions.has("users.bulk_manage")) throw new ActionError("You cannot manage users in bulk in this account.");

  const emails = rows.map(importEmail);
  const members = await importMembersByEmail(executor, actor.account, [...new Set(emails.filter((email) => email !== undefined))]);
  const { memberOf, shadowedNetworkMember } = indexMembers(members);
  const echoes = findEchoes ? networkEchoes(rows, emails, memberOf, shadowedNetworkMember) : new Set<number>();
  const firstRowOf = new Map<string, number>();
  rows.forEach((row, i) => {
    const email = emails[i];
    if (email !== undefined && !echoes.has(i) && !firstRowOf.has(email)) firstRowOf.set(email, row.rowNumber);
  });
  const context = { actor, firstRowOf, memberOf, grantErrors: grantChecker(actor) };
  const drafts = rows.map((row, i) => (echoes.has(i) ? networkEcho(row, emails[i]!) : classifyRow(row, emails[i], context)));

  await refuseRenamesBeyondReach(executor, actor, drafts);
  await refuseLosingLastSuperUser(executor, actor, drafts);
  return summarize(drafts);
}

/**
 * The member each email names. A child account's own membership wins over its
 * network's, which is only shown there; that network membership is kept
 * aside, since the account's export lists it on a row of its own.
 */
function indexMembers(members: ImportMember[]) {
  const memberOf = new Map<string, ImportMember>();
  const networkOf = new Map<string, ImportMember>();
  for (const member of members) {
    if (member.viaAccountName === null) memberOf.set(member.email, member);
    else networkOf.set(member.email, member);
  }
  const shadowedNetworkMember = new Map<string, ImportMember>();
  for (const [email, member] of networkOf) {
    if (memberOf.has(email)) shadowedNetworkMember.set(email, member);
    else memberOf.set(email, member);
  }
  return { memberOf, shadowedNetworkMember };
}

/**
 * Rows (by index) that restate a shadowed network membership unchanged: the
 * first such row of a person the file lists more than once. A person's only
 * row is about their own membership, unless it restates the network one as
 * the export writes it (every cell filled) and does not restate their own: a
 * filtered export (say, Managers only) lists just the network row, and
 * uploading it back must change nothing. To make someone's own membership
 * match the network's, list them twice, or leave Name or License blank.
 */
function networkEchoes(
  rows: ImportRow[],
  emails: (string | undefined)[],
  memberOf: Map<string, ImportMember>,
  shadowed: Map<string, ImportMember>,
): Set<number> {
  const echoes = new Set<number>();
  if (shadowed.size === 0) return echoes;
  const rowsOf = new Map<string, number[]>();
  emails.forEach((email, i) => {
    if (email !== undefined && shadowed.has(email)) rowsOf.set(email, [...(rowsOf.get(email) ?? []), i]);
  });
  for (const [email, indexes] of rowsOf) {
    const via = shadowed.get(email)!;
    if (indexes.length > 1) {
      const echo = indexes.find((i) => echoesNetworkMember(rows[i]!, via));
      if (echo !== undefined) echoes.add(echo);
    } else {
      const only = rows[indexes[0]!]!;
      const exported = only.name !== "" && only.license !== "";
      if (exported && echoesNetworkMember(only, via) && !echoesNetworkMember(only, memberOf.get(email)!)) echoes.add(indexes[0]!);
    }
  }
  return echoes;
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
