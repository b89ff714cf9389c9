import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/app/_components/ui/local-time";
import { PageHeader } from "@/app/_components/ui/page-header";
import { listOutboxEmails } from "@/db/queries/emails";
import { encodeOutboxCursor, parseOutboxCursor } from "@/lib/email/outbox-cursor";
import { emailMode } from "@/lib/email/send";
import { linkClass, OutboxFrame } from "./_components/outbox-frame";

export const metadata: Metadata = { title: "Dev outbox" };

const PAGE_SIZE = 25;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Public by design, like the inbox of a test mail server: it exists only while
// mail is not sent at all, so a newcomer can follow an invite link.
export default async function DevMailPage({ searchParams }: Props) {
  if (emailMode() !== "outbox") notFound();
  const after = parseOutboxCursor((await searchParams).after);
  const { rows, next } = await listOutboxEmails(after, PAGE_SIZE);

  return (
    <OutboxFrame>
      <PageHeader title="Mail" description="Everything the app sent, newest first." />
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400">
          {after ? "No older mail." : "No mail yet. Invite someone or ask for a password reset, and it shows up here."}
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full min-w-[640px] text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50 text-left dark:border-zinc-800 dark:bg-zinc-900">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Subject</th>
                <th scope="col" className="px-3 py-2 font-medium">To</th>
                <th scope="col" className="px-3 py-2 font-medium">Template</th>
                <th scope="col" className="px-3 py-2 font-medium">Time</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((email) => (
                <tr key={email.id} className="h-11 border-t border-zinc-100 dark:border-zinc-800">
                  <th scope="row" className="px-3 py-1.5 text-left font-normal">
                    <Link href={`/dev/mail/${email.id}`} className={linkClass}>
                      {email.subject}
                    </Link>
                  </th>
                  <td className="px-3">{email.to}</td>
                  <td className="px-3 text-zinc-600 dark:text-zinc-400">{email.template}</td>
                  <td className="px-3 whitespace-nowrap">
                    <LocalTime value={email.createdAt.toISOString()} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="flex justify-end gap-4 text-sm">
        {after ? (
          <Link href="/dev/mail" className={linkClass}>
            Newest
          </Link>
        ) : null}
        {next ? (
          <Link href={`/dev/mail?after=${encodeOutboxCursor(next)}`} className={linkClass}>
            Older
          </Link>
        ) : null}
      </nav>
    </OutboxFrame>
  );
}
