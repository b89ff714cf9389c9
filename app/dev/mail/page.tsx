import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/app/_components/ui/local-time";
import { DataTable, EmptyState } from "@/app/_components/ui/table";
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
        <EmptyState>
          {after ? "No older mail." : "No mail yet. Invite someone or ask for a password reset, and it shows up here."}
        </EmptyState>
      ) : (
        <DataTable minWidth="640px" columns={["Subject", "To", "Template", "Time"]}>
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
        </DataTable>
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
