import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 px-6 text-center">
      <p className="text-sm font-medium text-zinc-500">404</p>
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        This page does not exist, or you do not have access to it. Check the address, or ask an admin of the account to
        invite you.
      </p>
      <Link href="/" className="text-accent-600 underline underline-offset-4 dark:text-accent-500">
        Go to your home account
      </Link>
    </main>
  );
}
