import { createHash, randomBytes } from "node:crypto";

const TOKEN_BYTES = 32;

/** A fresh one-time token: the caller sends `token`, the database keeps only `hash`. */
export function createOneTimeToken(): { token: string; hash: string } {
  return createOneTimeTokens(1)[0]!;
}

/** As many fresh one-time tokens, from one read of the random source (an import makes thousands). */
export function createOneTimeTokens(count: number): { token: string; hash: string }[] {
  const random = randomBytes(TOKEN_BYTES * count);
  return Array.from({ length: count }, (_, i) => {
    const token = random.subarray(i * TOKEN_BYTES, (i + 1) * TOKEN_BYTES).toString("base64url");
    return { token, hash: hashToken(token) };
  });
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
