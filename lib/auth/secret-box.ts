import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/env";

// Seals small secrets kept at rest (an authenticator app's TOTP secret) or
// handed to the browser to bring back (an enrolment not yet confirmed):
// AES-256-GCM with a key derived from AUTH_SECRET for this purpose alone, so
// a copy of the database alone does not yield anyone's second factor and a
// sealed value cannot be altered unnoticed.

const VERSION = "v1";
let key: Buffer | undefined;
const boxKey = () => (key ??= Buffer.from(hkdfSync("sha256", authSecret(), "rolecall", "secret-box v1", 32)));

export function seal(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", boxKey(), iv);
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url")}`;
}

/** The sealed text, or null when it was not sealed here or was altered. */
export function unseal(box: string): string | null {
  const [version, body] = box.split(".");
  if (version !== VERSION || !body) return null;
  const bytes = Buffer.from(body, "base64url");
  if (bytes.length < 29) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", boxKey(), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
