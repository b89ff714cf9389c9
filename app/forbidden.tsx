import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "No access" };

export default function Forbidden() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 px-6 py-16 text-center">
      <p className="text-sm font-medium text-zinc-500">403</p>
      <h1 className="text-xl font-semibold">You don't have access to this page</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Your role in this account does not include it. A Super User of the account can change your access.
      </p>
      <Link href="/" className="text-accent-600 underline underline-offset-4 dark:text-accent-500">
        Go to your home account
      </Link>
    </div>
  );
}
