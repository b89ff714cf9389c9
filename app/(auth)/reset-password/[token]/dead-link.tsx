import Link from "next/link";
import type { PasswordToken } from "@/db/schema";
import { SET_PASSWORD_TOKEN_TTL_HOURS } from "@/db/queries/password-tokens";
import { RESET_TOKEN_TTL_HOURS } from "@/lib/auth/password-reset";

type Reason = "unknown" | "expired" | "used";
type Purpose = PasswordToken["purpose"];

const TITLES: Record<Reason, string> = {
  unknown: "This link no longer works",
  expired: "This link has expired",
  used: "This link was already used",
};

function explanation(reason: Reason, purpose?: Purpose): string {
  switch (reason) {
    case "unknown":
      return "It may be cut short — open the whole link from the email — or a newer link has replaced it.";
    case "expired":
      return purpose === "reset_password"
        ? `Password reset links work for ${RESET_TOKEN_TTL_HOURS} hour.`
        : `Set-password links work for ${SET_PASSWORD_TOKEN_TTL_HOURS / 24} days.`;
    case "used":
      return "Each link works once, and a newer link replaces older ones. If you chose a password with it, sign in with that password.";
  }
}

const linkClass = "text-sm text-accent-600 underline underline-offset-4 dark:text-accent-500";

/**
 * A set-password or reset link that cannot be used, and what to do next:
 * people who had a password ask for a reset themselves; people who never
 * set one need an admin to send a new set-password link.
 */
export function DeadLink({ reason, purpose }: { reason: Reason; purpose?: Purpose }) {
  const canRequestReset = purpose !== "set_password";
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{TITLES[reason]}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{explanation(reason, purpose)}</p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {canRequestReset
          ? "Forgot your password? Ask for a new link and use it within the hour."
          : "Ask an admin of your account to send you a new link."}
      </p>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {canRequestReset ? (
          <Link href="/forgot-password" className={linkClass}>
            Request a new link
          </Link>
        ) : null}
        <Link href="/sign-in" className={linkClass}>
          Back to sign in
        </Link>
      </div>
    </div>
  );
}
