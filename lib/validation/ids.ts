const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Mirrors the accounts_slug_format constraint.
const ACCOUNT_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

export function isAccountSlug(value: unknown): value is string {
  return typeof value === "string" && value.length <= 63 && ACCOUNT_SLUG.test(value);
}

/** A URL-safe slug from an account name: "Bright Dental, Inc." → "bright-dental-inc". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}
