// Every kind of event the audit log records, with how the log page names it.
// Stored as text: a kind added later needs no migration, and old rows keep theirs.
export const AUDIT_ACTIONS = {
  "auth.signed_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.password_changed": "Changed their password",
  "auth.password_reset": "Reset their password by email link",
  "auth.signed_out_everywhere": "Signed out everywhere",
  "two_factor.enrolled": "Turned on two-factor sign-in",
  "two_factor.disabled": "Turned off two-factor sign-in",
  "two_factor.reset": "Reset two-factor sign-in",
  "two_factor.recovery_codes_renewed": "Made new recovery codes",
  "two_factor.recovery_code_used": "Signed in with a recovery code",
  "two_factor.requirement_changed": "Changed the two-factor requirement",
  "invitation.sent": "Invited",
  "invitation.resent": "Resent invitation",
  "invitation.revoked": "Revoked invitation",
  "invitation.accepted": "Accepted invitation",
  "member.access_changed": "Changed access",
  "member.deactivated": "Deactivated",
  "member.reactivated": "Reactivated",
  "member.deleted": "Deleted",
  "member.signed_out": "Signed out everywhere (by an admin)",
  "member.password_reset_sent": "Sent a password reset link",
  "import.applied": "Applied a bulk import",
  "users.exported": "Exported users",
  "audit.exported": "Exported the audit log",
  "credential.created": "Created an API credential",
  "credential.revoked": "Revoked an API credential",
  "credential.first_used": "An API credential was used for the first time",
  "account.info_changed": "Changed account information",
  "account.ownership_transferred": "Transferred ownership",
  "account.closed": "Closed the account",
  "account.reopened": "Reopened the account",
  "preset.created": "Created an access preset",
  "preset.deleted": "Deleted an access preset",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_KEYS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && Object.hasOwn(AUDIT_ACTIONS, value);
}
