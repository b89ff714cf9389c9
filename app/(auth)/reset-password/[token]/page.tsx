import type { Metadata } from "next";
import { findPasswordToken } from "@/db/queries/password-tokens";
import { DeadLink } from "./dead-link";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Choose your password", referrer: "no-referrer" };

// Real tokens are 43 characters; anything far longer is not worth a lookup.
const TOKEN_MAX_LENGTH = 200;

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = token.length <= TOKEN_MAX_LENGTH ? await findPasswordToken(token) : undefined;

  if (!link) return <DeadLink reason="unknown" />;
  if (link.used) return <DeadLink reason="used" purpose={link.purpose} />;
  if (link.expired) return <DeadLink reason="expired" purpose={link.purpose} />;

  const isReset = link.purpose === "reset_password";
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{isReset ? "Choose a new password" : "Set your password"}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          For <span className="font-medium text-zinc-900 dark:text-zinc-100">{link.email}</span>.{" "}
          {isReset ? "Every signed-in session of yours ends when you save." : "Any other signed-in sessions end when you save."}
        </p>
      </div>
      <SetPasswordForm token={token} submitLabel={isReset ? "Save new password" : "Set password"} />
    </div>
  );
}
