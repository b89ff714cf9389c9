import type { Executor } from "@/db/client";
import { currentRequestOrigin } from "@/lib/http/client-ip";
import { auditEvents } from "@/db/schema";
import type { AuditAction } from "./actions";

export type AuditTarget = { type: "person" | "membership" | "invitation" | "account" | "import" | "preset" | "credential"; id: string; label?: string | null };

export type AuditEntry = {
  action: AuditAction;
  /** Null for a person-level event (signing in, a password), which shows in each of their accounts' logs. */
  accountId: string | null;
  actor: { userId: string; email?: string | null; credentialId?: string | null } | null;
  target?: AuditTarget;
  /** Before → after and other particulars. Never a password, token or secret: callers pass only names and values of access. */
  details?: Record<string, unknown>;
  /** Where the request came from; read from the request itself when left out (a job has none). */
  origin?: AuditOrigin;
};

export type AuditOrigin = { ip: string | null; userAgent: string | null };

/**
 * Appends one event to the audit log, in the caller's transaction: it commits
 * with the change it records or not at all.
 */
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<void> {
  // The request's own address and browser when the caller gives none (nothing in a job).
  const origin = entry.origin ?? (await currentRequestOrigin());
  await executor.insert(auditEvents).values({
    accountId: entry.accountId,
    actorUserId: entry.actor?.userId ?? null,
    actorEmail: entry.actor?.email ?? null,
    actorCredentialId: entry.actor?.credentialId ?? null,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    targetLabel: entry.target?.label ?? null,
    details: entry.details ?? {},
    // "unknown" is what the limits count an address-less caller as; the log says nothing instead.
    ip: origin.ip === "unknown" ? null : origin.ip,
    userAgent: origin.userAgent,
  });
}

/** The audit actor for whoever acts through an access context (and the API credential they act through, if any). */
export function auditActor(actor: { session: { user: { id: string; email?: string } }; credentialId?: string }): AuditEntry["actor"] {
  return { userId: actor.session.user.id, email: actor.session.user.email ?? null, credentialId: actor.credentialId ?? null };
}
