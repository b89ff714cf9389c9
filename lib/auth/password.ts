import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's second recommended
// profile: 19 MiB memory, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must read as a failed sign-in, not a crash.
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/** Computes the decoy at start-up, so the first unknown-email sign-in is not slower than the rest. */
export function prepareDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy password that no account has");
  return decoyHash;
}

/**
 * Spends the same work as a real verification, so a sign-in for an unknown
 * email, or one without a password yet, takes as long as a wrong password.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  await verifyPassword(await prepareDecoyHash(), password);
  return false;
}
