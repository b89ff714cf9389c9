import { utils, write, type WorkBook } from "xlsx";
import type { MemberRow } from "@/db/queries/members";
import type { BulkImportRow, ImportRowResult } from "@/db/schema";
import { PRODUCT_LABELS, PRODUCTS, type Product } from "@/lib/authz/products";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/authz/roles";
import { sheetOf, type CellValue } from "./cells";

// Role and license names exactly as in the catalogue, so an edited export or a
// filled template reads back with the same words.
export const TEMPLATE_COLUMNS = ["Email", "Role", "Name", "License"] as const;
export const EXPORT_COLUMNS = ["Email", "Name", "Role", "License", "Status", "Last sign-in", "2FA"] as const;
export const TEMPLATE_FILE_NAME = "bulk_user_management_template.xlsx";

const LICENSE_SEPARATOR = ", ";

export function licensesText(licenses: readonly Product[]): string {
  return PRODUCTS.filter((product) => licenses.includes(product))
    .map((product) => PRODUCT_LABELS[product])
    .join(LICENSE_SEPARATOR);
}

function statusText(member: MemberRow, now: number): string {
  if (member.status === "active") return "Active";
  if (member.status === "deactivated") return "Deactivated";
  return member.inviteExpiresAt && member.inviteExpiresAt.getTime() > now ? "Invited" : "Expired";
}

function helpSheet() {
  return sheetOf(
    [
      ["Column or value", "What it means"],
      ["Email", "Required. The person's email address; one row per person."],
      ["Role", "Required. One of the roles below, as written."],
      ["Name", "Optional. The person's name, used in their invitation."],
      ["License", `Optional. ${PRODUCTS.map((p) => PRODUCT_LABELS[p]).join(" or ")}, or both separated by a comma. Blank: every product the account has for a new person; unchanged for an existing one.`],
      [],
      ["Role", "Who it is for"],
      ...ROLES.map((role): CellValue[] => [ROLE_LABELS[role], ROLE_DESCRIPTIONS[role]]),
      [],
      ["License", "What it unlocks"],
      ...PRODUCTS.map((product): CellValue[] => [PRODUCT_LABELS[product], `Unlocks the portal's ${PRODUCT_LABELS[product]} features (see "Learn more about roles").`]),
    ],
    [24, 100],
  );
}

function toXlsx(book: WorkBook): Buffer {
  return write(book, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}

/** The empty upload template: a Users sheet with its header and a Help sheet. */
export function templateWorkbook(): Buffer {
  const book = utils.book_new();
  utils.book_append_sheet(book, sheetOf([[...TEMPLATE_COLUMNS]], [32, 20, 28, 28]), "Users");
  utils.book_append_sheet(book, helpSheet(), "Help");
  return toXlsx(book);
}

/** The account's users as the table filtered them, one typed row each. */
export function exportWorkbook(members: MemberRow[], now = Date.now()): Buffer {
  const rows: CellValue[][] = [
    [...EXPORT_COLUMNS],
    ...members.map((member): CellValue[] => [
      member.email,
      member.name,
      ROLE_LABELS[member.role],
      licensesText(member.licenses),
      statusText(member, now),
      member.lastSignInAt,
      member.twoFactorEnabled ? "On" : "Off",
    ]),
  ];
  const book = utils.book_new();
  utils.book_append_sheet(book, sheetOf(rows, [32, 28, 20, 28, 12, 18, 6]), "Users");
  return toXlsx(book);
}

const RESULT_LABELS: Record<ImportRowResult, string> = { invited: "Invited", changed: "Changed", deleted: "Deleted", unchanged: "No change", error: "Error" };

/**
 * An import's rows as they were uploaded, with what happened to each: ready to
 * fix and upload again (the upload reads Result and Error as columns to leave out).
 */
export function importResultWorkbook(rows: BulkImportRow[]): Buffer {
  const deletes = rows.some((row) => row.deleteCell !== "");
  const header: CellValue[] = [...TEMPLATE_COLUMNS, ...(deletes ? ["Delete User"] : []), "Result", "Error"];
  const body = rows.map((row): CellValue[] => [
    row.email,
    row.role,
    row.name,
    row.license,
    ...(deletes ? [row.deleteCell] : []),
    row.result ? RESULT_LABELS[row.result] : "Not applied",
    row.error ?? "",
  ]);
  const book = utils.book_new();
  utils.book_append_sheet(book, sheetOf([header, ...body], [32, 20, 28, 28, ...(deletes ? [12] : []), 12, 80]), "Users");
  return toXlsx(book);
}

const fileStamp = (at: Date) => at.toISOString().replace(/\.\d+Z$/, "").replace(/[-:]/g, "").replace("T", "-");

/** users_export_20261123-154500.xlsx, in UTC. */
export function exportFileName(at: Date): string {
  return `users_export_${fileStamp(at)}.xlsx`;
}

/** import_result_20261123-154500.xlsx: when the import was uploaded, in UTC. */
export function importResultFileName(uploadedAt: Date): string {
  return `import_result_${fileStamp(uploadedAt)}.xlsx`;
}
