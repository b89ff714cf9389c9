import { createHash, randomBytes } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
const CODE_LENGTH = 10;
// No 0/o, 1/i/l: codes are copied from paper, and those pairs get misread.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
// Largest multiple of the alphabet size that fits in a byte; bytes above it are
// dropped so every character is equally likely (no modulo bias).
const BYTE_LIMIT = 256 - (256 % ALPHABET.length);
const CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);

export function generateRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    let raw = "";
    while (raw.length < CODE_LENGTH) {
      for (const byte of randomBytes(CODE_LENGTH * 2)) {
        if (byte < BYTE_LIMIT && raw.length < CODE_LENGTH) raw += ALPHABET[byte % ALPHABET.length];
      }
    }
    codes.add(`${raw.slice(0, 5)}-${raw.slice(5)}`);
  }
  return [...codes];
}

export function normalizeRecoveryCode(input: string): string | null {
  const normalized = input.trim().toLowerCase().replace(/[\s-]/g, "");
  return CODE_PATTERN.test(normalized) ? normalized : null;
}

// SHA-256 rather than a slow password hash: each code carries ~50 bits of entropy
// (10 of 31 characters), is single-use and attempts are rate limited, so offline
// guessing against a leaked hash is impractical and a fast lookup by hash works.
export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(normalized, "utf8").digest("hex");
}
