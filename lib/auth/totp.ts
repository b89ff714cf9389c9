import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// RFC 6238 with the parameters every authenticator app assumes by default; anything
// else (SHA-256, 8 digits) is silently ignored by some apps and yields wrong codes.
const STEP_SECONDS = 30;
const DIGITS = 6;
const SECRET_BYTES = 20; // RFC 4226 recommends 160 bits for HMAC-SHA1
const DRIFT_STEPS = 1;
const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function generateTotpSecret(): string {
  return base32Encode(randomBytes(SECRET_BYTES));
}

// Unpadded: authenticator apps accept it and "=" only confuses manual entry.
export function base32Encode(bytes: Buffer): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

// Lenient on spaces and case because people retype secrets by hand; strict on
// everything else so a typo is an error rather than a different key.
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/ /g, "").toUpperCase();
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value === -1) throw new Error(`Invalid base32 character: ${JSON.stringify(char)}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
    buffer &= (1 << bits) - 1;
  }
  return Buffer.from(out);
}

export function timeStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / STEP_SECONDS);
}

export function totpCode(secret: string, step: number): string {
  if (!Number.isSafeInteger(step) || step < 0) throw new Error(`Invalid TOTP time step: ${step}`);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", base32Decode(secret)).update(counter).digest();
  // Dynamic truncation, RFC 4226 §5.3.
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, "0");
}

export function verifyTotp(
  secret: string,
  code: string,
  at: Date,
  lastUsedStep: number | null,
): { ok: true; step: number } | { ok: false } {
  const given = code.replace(/ /g, "");
  if (!/^[0-9]{6}$/.test(given)) return { ok: false };
  const givenBytes = Buffer.from(given, "utf8");
  const current = timeStep(at);
  let matched: number | null = null;
  // Every candidate is compared (no early exit) so timing says nothing about which one matched.
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    // A step at or before the last accepted one is a replay, even inside its own window.
    if (step < 0 || (lastUsedStep !== null && step <= lastUsedStep)) continue;
    const expected = Buffer.from(totpCode(secret, step), "utf8");
    if (timingSafeEqual(expected, givenBytes) && matched === null) matched = step;
  }
  return matched === null ? { ok: false } : { ok: true, step: matched };
}

// Key URI format understood by Google Authenticator, 1Password, Authy and others.
export function otpauthUri({
  secret,
  accountName,
  issuer,
}: {
  secret: string;
  accountName: string;
  issuer: string;
}): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  // encodeURIComponent, not URLSearchParams: apps expect %20, and some show a literal "+".
  const params = [
    ["secret", secret],
    ["issuer", issuer],
    ["algorithm", "SHA1"],
    ["digits", String(DIGITS)],
    ["period", String(STEP_SECONDS)],
  ]
    .map(([key, value]) => `${key}=${encodeURIComponent(value!)}`)
    .join("&");
  return `otpauth://totp/${label}?${params}`;
}

export function formatSecretForDisplay(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(" ");
}
