import type { ImportMember } from "@/db/queries/import-members";
import type { MembershipStatus } from "@/db/schema";
import type { Overrides } from "@/lib/authz/effective";
import { grantProblems, type Grantor } from "@/lib/authz/grants";
import { permissionDefinition, type PermissionKey } from "@/lib/authz/permissions";
import type { Product } from "@/lib/authz/products";
import { ROLE_LABELS, roleRank, type Role } from "@/lib/authz/roles";
import type { Actor } from "@/lib/members/membership-guards";
import { emailSchema, nameSchema } from "@/lib/validation/user";
import { licensesLabel, parseDelete, parseLicenses, parseRole, type ParseOptions } from "./import-cells";

export type ImportRow = { rowNumber: number; email: string; role: string; name: string; license: string; delete: string };
export type RowPlanKind = "create" | "update" | "delete" | "unchanged" | "error";
export type RowChange = { field: "role" | "licenses" | "name"; from: string; to: string };

export type RowPlan = {
  rowNumber: number;
  // Normalized when valid, else as typed.
  email: string;
  kind: RowPlanKind;
  errors: string[];
  changes: RowChange[];
  // What applying sets, so the apply step needn't re-parse. On an update a
  // null name means "leave it": only a non-blank Name cell renames.
  target?: { role: Role; licenses: Product[]; name: string | null; membershipId?: string };
  // The account's own membership the row matched (update, delete, unchanged):
  // its version lets the apply refuse a member someone changed since the
  // preview, and an invited one is deleted by revoking its invitation.
  existing?: { membershipId: string; status: MembershipStatus; version: number };
};

/** A row as classified on its own, plus what the whole-file checks need to know. */
export type DraftPlan = RowPlan & {
  // Applying would take an active Super User away (deleted or demoted).
  losesSuperUser: boolean;
  // A renamed person (not an invitation): the admin's reach must cover them.
  renamesPerson?: string;
};

export type ClassifyContext = {
  actor: Actor;
  // Each email's first row, for duplicates.
  firstRowOf: Map<string, number>;
  memberOf: Map<string, ImportMember>;
  grantErrors: (role: Role, licenses: Product[], overrides: Overrides) => string[];
};

const TOGGLE_NOT_HELD = "You can only toggle permissions you have yourself.";

/**
 * Escalation checks for a new member (no toggles) or an existing member's
 * changed role or licenses, with the toggles they keep: the file sets no
 * toggles, but a kept one counts as the single-member form counts it (a
 * toggle the uploader lacks is refused, and one a new license wakes up is
 * access given). Cached per (role, licenses, toggles). Callers rule out the
 * uploader's own row first: grantProblems' self check is not needed here.
 */
export function grantChecker(actor: Actor): ClassifyContext["grantErrors"] {
  const grantor: Grantor = { userId: actor.session.user.id, role: actor.role, permissions: actor.permissions };
  const target = { accountType: actor.account.type, accountProducts: actor.account.products };
  const cache = new Map<string, string[]>();
  return (role, licenses, overrides) => {
    const toggles = Object.entries(overrides)
      .map(([key, on]) => `${key}=${on}`)
      .sort();
    const key = `${role}:${licenses.join(",")}:${toggles.join(",")}`;
    let errors = cache.get(key);
    if (!errors) {
      errors = grantMessages(grantProblems(grantor, { role, licenses, overrides }, target));
      cache.set(key, errors);
    }
    return errors;
  };
}

/** grantProblems' messages, once each; the toggles the uploader lacks are named together. */
function grantMessages(problems: ReturnType<typeof grantProblems>): string[] {
  const notHeld = problems.filter((problem) => problem.message === TOGGLE_NOT_HELD).map((problem) => problem.field.slice("overrides.".length) as PermissionKey);
  const messages = problems.filter((problem) => problem.message !== TOGGLE_NOT_HELD).map((problem) => problem.message);
  if (notHeld.length > 0) {
    const labels = notHeld.map((key) => permissionDefinition(key).label).join(", ");
    messages.unshift(`This member keeps their permission toggles (${labels}). ${TOGGLE_NOT_HELD}`);
  }
  return [...new Set(messages)];
}

/** Each kind of change the file makes needs the permission the users table would ask for. */
const ACTION_PERMISSIONS = {
  create: ["users.invite", "You cannot invite users in this account."],
  update: ["users.edit", "You cannot edit users in this account."],
  delete: ["users.delete", "You cannot delete users in this account."],
} as const satisfies Record<string, readonly [PermissionKey, string]>;

function lacksPermissionFor(actor: Actor, action: keyof typeof ACTION_PERMISSIONS): string | undefined {
  const [permission, error] = ACTION_PERMISSIONS[action];
  return actor.permissions.has(permission) ? undefined : error;
}

function draft(row: ImportRow, email: string, errors: string[] = []): DraftPlan {
  return { rowNumber: row.rowNumber, email, kind: errors.length ? "error" : "unchanged", errors, changes: [], losesSuperUser: false };
}

function existingOf(member: ImportMember): RowPlan["existing"] {
  return { membershipId: member.membershipId, status: member.status, version: member.version };
}

const viaError = (member: ImportMember) =>
  `${member.email} reaches this account through its network; change them in ${member.viaAccountName}.`;

/** The row's email, normalized, or undefined when it is not a valid address. */
export function importEmail(row: ImportRow): string | undefined {
  const email = emailSchema.safeParse(row.email);
  return email.success ? email.data : undefined;
}

/** One row on its own; `email` is importEmail(row), parsed once by the caller. */
export function classifyRow(row: ImportRow, email: string | undefined, context: ClassifyContext): DraftPlan {
  const deleting = parseDelete(row.delete);
  const errors: string[] = [];
  if (email === undefined) errors.push(row.email === "" ? "Enter an email address." : `"${row.email}" is not a valid email address.`);
  if (!deleting.ok) errors.push(deleting.error);
  const normalized = email ?? row.email;
  const first = email === undefined ? undefined : context.firstRowOf.get(email);
  if (first !== undefined && first !== row.rowNumber) errors.push(`${normalized} is also on row ${first}: keep one row per person.`);

  // Whether the row deletes decides which other cells matter: an unreadable
  // Delete User cell leaves that open, so the row stops at that question.
  if (!deleting.ok || (deleting.value && errors.length > 0)) return draft(row, normalized, errors);
  if (deleting.value) return classifyDelete(row, normalized, context);
  // A row refused already needs no "did you mean" (the costly part of reading a cell).
  const { cells, errors: cellErrors } = readCells(row, { suggest: errors.length === 0 });
  errors.push(...cellErrors);
  if (!cells || errors.length) return draft(row, normalized, errors);
  const member = context.memberOf.get(normalized);
  return member ? classifyUpdate(row, member, cells, context) : classifyCreate(row, normalized, cells, context);
}

type Cells = { role: Role; licenses?: Product[]; name?: string };

/** The Role, License and Name cells of a row that does not delete. */
function readCells(row: ImportRow, options: ParseOptions): { cells?: Cells; errors: string[] } {
  const role = parseRole(row.role, options);
  const licenses = row.license === "" ? undefined : parseLicenses(row.license, options);
  const name = row.name === "" ? undefined : nameSchema.safeParse(row.name);
  const errors: string[] = [];
  if (!role.ok) errors.push(role.error);
  if (licenses && !licenses.ok) errors.push(licenses.error);
  if (name && !name.success) errors.push(name.error.issues[0]?.message ?? "This name cannot be used.");
  if (!role.ok || (licenses && !licenses.ok) || (name && !name.success)) return { errors };
  return { cells: { role: role.value, licenses: licenses?.value, name: name?.data }, errors };
}

/**
 * Whether a row restates this membership unchanged. Used for the network
 * membership of someone who also has one of their own here: a child
 * account's users table (and so its export) lists both, and uploading that
 * export must change nothing.
 */
export function echoesNetworkMember(row: ImportRow, via: ImportMember): boolean {
  if (row.delete !== "") return false;
  const { cells } = readCells(row, { suggest: false });
  return cells !== undefined && changesOf(via, cells).length === 0;
}

/** Such a row: unchanged, and not a duplicate of the person's own row. */
export function networkEcho(row: ImportRow, email: string): DraftPlan {
  return draft(row, email);
}

function classifyDelete(row: ImportRow, email: string, { actor, memberOf }: ClassifyContext): DraftPlan {
  const refused = lacksPermissionFor(actor, "delete");
  if (refused) return draft(row, email, [refused]);
  const member = memberOf.get(email);
  if (!member) return draft(row, email, [`${email} is not a member of this account.`]);
  if (member.viaAccountName !== null) return draft(row, email, [viaError(member)]);
  const errors: string[] = [];
  if (member.userId === actor.session.user.id) errors.push("You cannot delete yourself. Ask another Super User.");
  if (roleRank(member.role) > roleRank(actor.role)) errors.push("You cannot delete someone whose role is above yours.");
  if (member.userId === actor.account.holderUserId) errors.push("The account holder cannot be deleted. They must transfer ownership first.");
  const plan = { ...draft(row, email, errors), existing: existingOf(member) };
  if (errors.length) return plan;
  return { ...plan, kind: "delete", losesSuperUser: member.status === "active" && member.role === "super_user" };
}

function classifyCreate(row: ImportRow, email: string, cells: Cells, { actor, grantErrors }: ClassifyContext): DraftPlan {
  // A blank License cell means every product the account has.
  const licenses = cells.licenses ?? [...actor.account.products];
  const target = { role: cells.role, licenses, name: cells.name ?? null };
  const refused = lacksPermissionFor(actor, "create");
  // A copy: the checker's answers are cached and shared between rows.
  const errors = refused ? [refused] : [...grantErrors(cells.role, licenses, {})];
  return { ...draft(row, email, errors), kind: errors.length ? "error" : "create", target };
}

function changesOf(member: ImportMember, cells: Cells): RowChange[] {
  const changes: RowChange[] = [];
  if (cells.role !== member.role) changes.push({ field: "role", from: ROLE_LABELS[member.role], to: ROLE_LABELS[cells.role] });
  // A blank License cell keeps the member's licenses; otherwise compared as a set.
  if (cells.licenses && licensesLabel(cells.licenses) !== licensesLabel(member.licenses)) {
    changes.push({ field: "licenses", from: licensesLabel(member.licenses), to: licensesLabel(cells.licenses) });
  }
  if (cells.name !== undefined && cells.name !== member.name) changes.push({ field: "name", from: member.name, to: cells.name });
  return changes;
}

function classifyUpdate(row: ImportRow, member: ImportMember, cells: Cells, context: ClassifyContext): DraftPlan {
  const { actor } = context;
  const changes = changesOf(member, cells);
  const base = { ...draft(row, member.email), changes };
  // An exported row uploaded as it is changes nothing, whoever it is (even the uploader or a network member).
  if (changes.length === 0) return member.viaAccountName === null ? { ...base, existing: existingOf(member) } : base;
  if (member.viaAccountName !== null) return { ...base, kind: "error", errors: [viaError(member)] };

  const errors: string[] = [];
  const accessChanges = changes.some((change) => change.field !== "name");
  if (member.userId === actor.session.user.id) {
    errors.push(accessChanges ? "You cannot change your own membership. Ask another Super User." : "Change your own name on your profile page.");
  } else if (lacksPermissionFor(actor, "update")) {
    errors.push(lacksPermissionFor(actor, "update")!);
  } else {
    if (roleRank(member.role) > roleRank(actor.role)) errors.push("You cannot change someone whose role is above yours.");
    if (member.userId === actor.account.holderUserId && cells.role !== "super_user") {
      errors.push("The account holder stays a Super User. They must transfer ownership first.");
    }
    // Toggles the member already has are kept as they are (the file only sets role and licenses), so they are checked too.
    if (accessChanges) errors.push(...context.grantErrors(cells.role, cells.licenses ?? member.licenses, member.overrides));
  }
  const renamed = changes.some((change) => change.field === "name");
  return {
    ...base,
    kind: errors.length ? "error" : "update",
    errors,
    existing: existingOf(member),
    target: { role: cells.role, licenses: cells.licenses ?? member.licenses, name: renamed ? cells.name! : null, membershipId: member.membershipId },
    losesSuperUser: member.status === "active" && member.role === "super_user" && cells.role !== "super_user",
    // An invitation's name is the admin's own note on it; a person's name is theirs in every account.
    renamesPerson: renamed && member.status !== "invited" ? member.userId : undefined,
  };
}
