import type { MemberRow } from "@/db/queries/members";
import type { ImportRowOutcome } from "@/db/queries/bulk-imports";
import type { ImportRowResult } from "@/db/schema";
import { PRODUCT_LABELS, PRODUCTS, type Product } from "@/lib/authz/products";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/authz/roles";
import { writeWorkbook, type CellValue } from "./xlsx-writer";

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
  return {
    name: "Help",
    rows: [
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
    columnWidths: [24, 100],
  };
}

/** The empty upload template: a Users sheet with its header and a Help sheet. */
export function templateWorkbook(): Promise<Buffer> {
  return writeWorkbook([{ name: "Users", rows: [[...TEMPLATE_COLUMNS]], columnWidths: [32, 20, 28, 28] }, helpSheet()]);
}

function exportRow(member: MemberRow, now: number): CellValue[] {
  return [
    member.email,
    member.name,
    ROLE_LABELS[member.role],
    licensesText(member.licenses),
    statusText(member, now),
    member.lastSignInAt,
    member.twoFactorEnabled ? "On" : "Off",
  ];
}

/** The account's users as the table filtered them, one typed row each, written as the pages arrive. */
export function exportWorkbook(pages: Iterable<MemberRow[]> | AsyncIterable<MemberRow[]>, now = Date.now()): Promise<Buffer> {
  async function* rows(): AsyncGenerator<CellValue[]> {
    yield [...EXPORT_COLUMNS];
    for await (const page of pages) for (const member of page) yield exportRow(member, now);
  }
  return writeWorkbook([{ name: "Users", rows: rows(), columnWidths: [32, 28, 20, 28, 12, 18, 6] }]);
}

const RESULT_LABELS: Record<ImportRowResult, string> = { invited: "Invited", changed: "Changed", deleted: "Deleted", unchanged: "No change", error: "Error" };

/**
 * An import's rows as they were uploaded, with what happened to each: ready to
 * fix and upload again (the upload reads Result and Error as columns to leave out).
 * Written as the pages arrive; the Delete User column is there when any row had one.
 */
export function importResultWorkbook(pages: Iterable<ImportRowOutcome[]> | AsyncIterable<ImportRowOutcome[]>, { deleteColumn }: { deleteColumn: boolean }): Promise<Buffer> {
  async function* rows(): AsyncGenerator<CellValue[]> {
    yield [...TEMPLATE_COLUMNS, ...(deleteColumn ? ["Delete User"] : []), "Result", "Error"];
    for await (const page of pages) {
      for (const row of page) {
        const result = row.result ? RESULT_LABELS[row.result] : "Not applied";
        yield [row.email, row.role, row.name, row.license, ...(deleteColumn ? [row.deleteCell] : []), result, row.error ?? ""];
      }
    }
  }
  return writeWorkbook([{ name: "Users", rows: rows(), columnWidths: [32, 20, 28, 28, ...(deleteColumn ? [12] : []), 12, 80] }]);
}

/** yyyymmdd-hhmmss in UTC, for download names. */
export const fileStamp = (at: Date) => at.toISOString().replace(/\.\d+Z$/, "").replace(/[-:]/g, "").replace("T", "-");

/** users_export_20261123-154500.xlsx, in UTC. */
export function exportFileName(at: Date): string {
  return `users_export_${fileStamp(at)}.xlsx`;
}

/** import_result_20261123-154500.xlsx: when the import was uploaded, in UTC. */
export function importResultFileName(uploadedAt: Date): string {
  return `import_result_${fileStamp(uploadedAt)}.xlsx`;
}
