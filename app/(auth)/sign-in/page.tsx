import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/app/_components/ui/alert";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getSession } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const NOTICES: Record<string, string> = {
  "signed-out": "You are signed out.",
  "password-set": "Your password is set. Sign in with it now.",
  "timed-out": "Your sign-in timed out. Sign in again.",
};

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, "/");
  // Someone already signed in has nothing to do here.
  if (await getSession()) redirect(callbackUrl);

  const notice = typeof params.notice === "string" ? NOTICES[params.notice] : undefined;
  // next-auth's own endpoints report failures with ?error=…
  const initialError = !params.error
    ? undefined
    : params.error === "CredentialsSignin"
      ? "Email or password is incorrect."
      : "Sign-in is unavailable right now. Try again in a few minutes.";

  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Sign in</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Use the email your admin invited.</p>
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <SignInForm callbackUrl={callbackUrl === "/" ? undefined : callbackUrl} initialError={initialError} />
    </div>
  );
}
