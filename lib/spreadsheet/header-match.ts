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
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;
function normalize(header: string): string {
  return header.toLowerCase().replace(NOT_LETTER_OR_DIGIT, "");
}

const RESERVED_SUBSTRINGS = ["__proto__"];
const RESERVED_NAMES = ["constructor", "prototype"];

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
  return RESERVED_SUBSTRINGS.some((word) => compact.includes(word)) || RESERVED_NAMES.includes(normalize(header));
}

/**
 * The same rules as plain data, for the parse worker (plain JS, which cannot
 * import this module): it applies them exactly as columnOf and isReservedHeader do.
 */
export const HEADER_RULES = {
  columns: UPLOAD_COLUMNS,
  aliases: [...ALIASES],
  normalize: { source: NOT_LETTER_OR_DIGIT.source, flags: NOT_LETTER_OR_DIGIT.flags },
  reservedSubstrings: RESERVED_SUBSTRINGS,
  reservedNames: RESERVED_NAMES,
} as const;

export type HeaderRules = typeof HEADER_RULES;
