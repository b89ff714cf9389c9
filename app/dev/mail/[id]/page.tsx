import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/app/_components/ui/local-time";
import { findOutboxEmail } from "@/db/queries/emails";
import { linksIn } from "@/lib/email/links";
import { emailMode } from "@/lib/email/send";
import { bodiesOf } from "@/lib/email/stored-bodies";
import { isUuid } from "@/lib/validation/ids";
import { linkClass, OutboxFrame } from "../_components/outbox-frame";

export const metadata: Metadata = { title: "Dev outbox" };

type Props = { params: Promise<{ id: string }> };

export default async function DevMailMessagePage({ params }: Props) {
  if (emailMode() !== "outbox") notFound();
  const { id } = await params;
  const email = isUuid(id) ? await findOutboxEmail(id) : undefined;
  if (!email) notFound();
  // Bulk sends are stored unrendered; they are rendered here, as delivery would.
  const { html, text } = (await bodiesOf([email])).get(email.id) ?? { html: "", text: "This email could not be rendered from its template." };
  const links = linksIn(text);

  return (
    <OutboxFrame>
      <Link href="/dev/mail" className={`${linkClass} text-sm`}>
        ← All mail
      </Link>
      <div className="space-y-3">
        <h1 className="text-xl font-semibold tracking-tight">{email.subject}</h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-zinc-500">To</dt>
          <dd>{email.to}</dd>
          <dt className="text-zinc-500">Template</dt>
          <dd>{email.template}</dd>
          <dt className="text-zinc-500">Time</dt>
          <dd>
            <LocalTime value={email.createdAt.toISOString()} />
          </dd>
        </dl>
      </div>

      <section aria-labelledby="links-heading" className="space-y-2">
        <h2 id="links-heading" className="font-medium">Links in this email</h2>
        {links.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">None.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {links.map((url) => (
              <li key={url} className="break-all">
                <a href={url} className={linkClass}>
                  {url}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="html-heading" className="space-y-2">
        <h2 id="html-heading" className="font-medium">As the reader sees it</h2>
        {/* sandbox="": no scripts, forms or navigation, whatever the HTML holds; the links above are the way out. */}
        <iframe
          title={`HTML version of “${email.subject}”`}
          srcDoc={html}
          sandbox=""
          className="h-[32rem] w-full rounded-lg border border-zinc-200 bg-white dark:border-zinc-800"
        />
      </section>

      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading" className="font-medium">Plain text</h2>
        <pre className="overflow-x-auto rounded-lg border border-zinc-200 bg-white p-4 text-sm whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-900">
          {text}
        </pre>
      </section>
    </OutboxFrame>
  );
}
