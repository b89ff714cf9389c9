import type { ReactNode } from "react";
import { Alert } from "@/app/_components/ui/alert";

/** The dev outbox's page frame: the wordmark, and a banner nobody can miss. */
export function OutboxFrame({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto w-full max-w-5xl space-y-6 px-4 py-8">
      <p className="text-lg font-semibold tracking-tight">
        <span aria-hidden="true" className="mr-1.5 inline-block size-2.5 rounded-full bg-accent-600" />
        Rolecall <span className="font-normal text-zinc-500">dev outbox</span>
      </p>
      <Alert tone="info">
        Mail is not really sent in this mode: every email Rolecall would send is kept here instead, links included. Set{" "}
        <code>RESEND_API_KEY</code> and <code>EMAIL_FROM</code> to send it for real (this page then disappears).
      </Alert>
      {children}
    </main>
  );
}

export const linkClass = "text-accent-600 underline underline-offset-4 dark:text-accent-500";
