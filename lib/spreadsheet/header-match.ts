export type UploadColumn = "email" | "role" | "name" | "license" | "delete";

export const UPLOAD_COLUMNS: readonly UploadColumn[] = ["email", "role", "name", "license", "delete"];

export const COLUMN_LABELS: ReadonlyMap<UploadColumn, string> = new Map([
  ["email", "Email"],
  ["role", "Role"],
  ["name", "Name"],
  ["license", "License"],
  ["delete", "Delete User"],
]);

// "E-mail Address", " ROLE " and "email_address" all mean the same to an admin.
function normalize(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

// A Map, never an object literal: a header like "constructor" must not find
// something on Object.prototype.
const ALIASES: ReadonlyMap<string, UploadColumn> = new Map(
  (
    [
      ["email", ["email", "e-mail", "email address", "e-mail address"]],
      ["role", ["role"]],
      ["name", ["name", "full name"]],
      ["license", ["license", "licenses", "license type"]],
      ["delete", ["delete user", "delete"]],
    ] as const
  ).flatMap(([column, names]) => names.map((name) => [normalize(name), column] as const)),
);

export function columnOf(header: string): UploadColumn | undefined {
  return ALIASES.get(normalize(header));
}

/** Headers that name JavaScript object internals; a file carrying one is refused outright. */
export function isReservedHeader(header: string): boolean {
  const compact = header.toLowerCase().replace(/\s/g, "");
  return compact.includes("__proto__") || ["constructor", "prototype"].includes(normalize(header));
}
