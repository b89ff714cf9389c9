import { roleRank, type Role } from "./roles";

/**
 * Of a person's memberships that reach an account (its own and its
 * network's), the one that applies: the higher role, the account's own on a
 * tie. So a child account's admins can add to what network staff may do in
 * their account, never take it away.
 */
export function pickReachingMembership<T extends { role: Role }>(candidates: T[], isDirect: (candidate: T) => boolean): T | undefined {
  return candidates.reduce<T | undefined>((best, candidate) => {
    if (!best) return candidate;
    const difference = roleRank(candidate.role) - roleRank(best.role);
    return difference > 0 || (difference === 0 && isDirect(candidate)) ? candidate : best;
  }, undefined);
}
