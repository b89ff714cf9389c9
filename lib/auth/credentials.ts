import { findSignInCandidate } from "@/db/queries/users";
import { signInSchema } from "@/lib/validation/sign-in";
import { verifyAgainstDecoy, verifyPassword } from "./password";

export type SignedInIdentity = { id: string; sessionVersion: number };

/**
 * Checks an email and password. Every failure — malformed input, unknown
 * email, no password set yet, wrong password, no active membership left —
 * returns null, and each path spends one argon2 verification, so neither the
 * answer nor its timing tells whether an account exists.
 */
export async function verifyCredentials(raw: unknown): Promise<SignedInIdentity | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    const password = (raw as { password?: unknown } | null)?.password;
    if (typeof password === "string" && password.length > 0 && password.length <= 256) await verifyAgainstDecoy(password);
    return null;
  }
  const { email, password } = parsed.data;
  const candidate = await findSignInCandidate(email);
  if (!candidate?.passwordHash) return verifyAgainstDecoy(password).then(() => null);
  const passwordMatches = await verifyPassword(candidate.passwordHash, password);
  if (!passwordMatches || !candidate.hasActiveMembership) return null;
  return { id: candidate.id, sessionVersion: candidate.sessionVersion };
}
