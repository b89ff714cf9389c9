import type { Metadata } from "next";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Reset your password</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Enter the email you sign in with. We will send you a link to choose a new password.
        </p>
      </div>
      <ForgotPasswordForm />
    </div>
  );
}
