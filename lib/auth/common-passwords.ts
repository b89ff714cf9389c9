import { readFileSync } from "node:fs";
import path from "node:path";

// Read from disk on the server. Importing node:fs also keeps this module, and
// so the list, out of browser bundles: the bundler refuses node:fs there.
const LIST_FILE = path.join(process.cwd(), "lib/auth/data/common-passwords.txt");

let commonPasswords: Set<string> | undefined;

function loadCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(
    readFileSync(LIST_FILE, "utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return commonPasswords;
}

/** Whether a password is among the 10,000 most common ones, ignoring case ("Password123" is as guessable as "password123"). */
export function isCommonPassword(password: string): boolean {
  return loadCommonPasswords().has(password.toLowerCase());
}
