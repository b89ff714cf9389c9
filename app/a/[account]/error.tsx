"use client";

import { Button } from "@/app/_components/ui/button";

// Shown when a page of the account fails to load; the shell around it stays usable.
export default function AccountError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-red-200 bg-white p-6 dark:border-red-900 dark:bg-zinc-900">
      <h1 className="text-lg font-semibold">This page could not be loaded</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Something went wrong on our side. Try again; if it keeps happening, tell your admin
        {error.digest ? (
          <>
            {" "}
            and quote the reference <code className="font-mono text-xs">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
