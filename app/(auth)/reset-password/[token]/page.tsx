import type { Metadata } from "next";
import Link from "next/link";
import { findUsablePasswordToken } from "@/db/queries/password-tokens";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = token.length <= 200 ? await findUsablePasswordToken(token) : undefined;

  if (!link) {
    return (
      <div className="space-y-3">
        <h1 className="text-xl font-semibold">This link no longer works</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          It has expired or was already used. Ask an admin of your account for a new one.
        </p>
        <Link href="/sign-in" className="text-sm text-accent-600 underline underline-offset-4 dark:text-accent-500">
          Back to sign in
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{link.purpose === "set_password" ? "Set your password" : "Choose a new password"}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          For <span className="font-medium text-zinc-900 dark:text-zinc-100">{link.email}</span>. Any other signed-in sessions end
          when you save.
        </p>
      </div>
      <SetPasswordForm token={token} />
    </div>
  );
}
