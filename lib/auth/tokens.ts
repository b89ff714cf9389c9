import { createHash, randomBytes } from "node:crypto";

/** A fresh one-time token: the caller sends `token`, the database keeps only `hash`. */
export function createOneTimeToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
