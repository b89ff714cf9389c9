import { PRODUCT_LABELS, PRODUCTS, type Product } from "@/lib/authz/products";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/authz/roles";

// Reading the Role, License and Delete User cells as people type them in
// Excel or Google Sheets: any case, any spacing, label or key.

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** "Super User", "super_user", "SUPERUSER", "super-user" all read as "superuser". */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, "");
}

function lookupOf<T extends string>(values: readonly T[], labels: Record<T, string>): Map<string, T> {
  return new Map(values.flatMap((value) => [[squash(value), value] as const, [squash(labels[value]), value] as const]));
}

const ROLE_LOOKUP = lookupOf(ROLES, ROLE_LABELS);
const PRODUCT_LOOKUP = lookupOf(PRODUCTS, PRODUCT_LABELS);
const ROLE_LIST = ROLES.map((role) => ROLE_LABELS[role]).join(", ");
const PRODUCT_LIST = PRODUCTS.map((product) => PRODUCT_LABELS[product]).join(" or ");

/** Edit distance, for "did you mean": only ever run on short cells that match nothing (see closestLabel). */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

// Further than this and a suggestion is a guess, not a typo.
const MAX_TYPO_DISTANCE = 3;

/**
 * The label within MAX_TYPO_DISTANCE edits of the typed text, if any. Labels
 * whose length differs by more than that are skipped without measuring (the
 * distance is at least the difference), so a long cell — up to the reader's
 * 1,000 characters, on every row of a large file — costs nothing.
 */
export function closestLabel(typed: string, labels: readonly string[], distanceOf = levenshtein): string | undefined {
  const target = squash(typed);
  let best: { label: string; distance: number } | undefined;
  for (const label of labels) {
    const squashed = squash(label);
    if (Math.abs(squashed.length - target.length) > MAX_TYPO_DISTANCE) continue;
    const distance = distanceOf(target, squashed);
    if (distance <= MAX_TYPO_DISTANCE && (!best || distance < best.distance)) best = { label, distance };
  }
  return best?.label;
}

/** suggest: false skips "did you mean" (for a row already refused on another cell, where only ok/not ok matters). */
export type ParseOptions = { suggest?: boolean };

function unknownValue(typed: string, kind: string, labels: string[], list: string, { suggest = true }: ParseOptions): string {
  const suggestion = suggest ? closestLabel(typed, labels) : undefined;
  return suggestion ? `"${typed}" is not a ${kind}. Did you mean ${suggestion}?` : `"${typed}" is not a ${kind}. Use ${list}.`;
}

export function parseRole(cell: string, options: ParseOptions = {}): Parsed<Role> {
  if (cell === "") return { ok: false, error: `Enter a role: ${ROLE_LIST}.` };
  const role = ROLE_LOOKUP.get(squash(cell));
  if (role) return { ok: true, value: role };
  return { ok: false, error: unknownValue(cell, "role", ROLES.map((r) => ROLE_LABELS[r]), `one of ${ROLE_LIST}`, options) };
}

// "Marketing, Contact Center", "marketing; contact center", "Marketing and Contact Center", "Marketing & Contact Center".
const LICENSE_SEPARATOR = /[,;&+/]|\band\b/i;

/** The licenses a non-blank License cell names, in catalogue order; blank is the caller's to interpret. */
export function parseLicenses(cell: string, options: ParseOptions = {}): Parsed<Product[]> {
  const parts = cell.split(LICENSE_SEPARATOR).map((part) => part.trim()).filter((part) => part !== "");
  if (parts.length === 0) return { ok: false, error: `"${cell}" names no license. Use ${PRODUCT_LIST}, or both separated by a comma.` };
  const found = new Set<Product>();
  for (const part of parts) {
    const product = PRODUCT_LOOKUP.get(squash(part));
    if (!product) return { ok: false, error: unknownValue(part, "license", PRODUCTS.map((p) => PRODUCT_LABELS[p]), PRODUCT_LIST, options) };
    found.add(product);
  }
  return { ok: true, value: PRODUCTS.filter((product) => found.has(product)) };
}

/** Whether the Delete User cell asks to delete: blank is no, "Delete User" (any case or spacing) is yes. */
export function parseDelete(cell: string): Parsed<boolean> {
  if (cell === "") return { ok: true, value: false };
  if (/^delete\s*user$/i.test(cell.trim())) return { ok: true, value: true };
  return { ok: false, error: "Type Delete User to delete this user, or leave it blank." };
}

/** Licenses as the users table and the export show them. */
export function licensesLabel(licenses: readonly Product[]): string {
  return PRODUCTS.filter((product) => licenses.includes(product))
    .map((product) => PRODUCT_LABELS[product])
    .join(", ");
}
