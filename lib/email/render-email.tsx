import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { AccessChangedEmail, accessChangedSubject, type AccessChangedEmailProps } from "@/emails/access-changed";
import { InvitationEmail, invitationSubject, type InvitationEmailProps } from "@/emails/invitation";
import { NotificationEmail, notificationSubject, type NotificationEmailProps } from "@/emails/notification";
import { PasswordResetEmail, passwordResetSubject, type PasswordResetEmailProps } from "@/emails/password-reset";

export type EmailMessage =
  | { template: "invitation"; to: string; props: InvitationEmailProps }
  | { template: "password-reset"; to: string; props: PasswordResetEmailProps }
  | { template: "access-changed"; to: string; props: AccessChangedEmailProps }
  | { template: "notification"; to: string; props: NotificationEmailProps };

export type RenderedEmail = { subject: string; html: string; text: string };

function rawSubject(message: EmailMessage): string {
  switch (message.template) {
    case "invitation":
      return invitationSubject(message.props);
    case "password-reset":
      return passwordResetSubject();
    case "access-changed":
      return accessChangedSubject(message.props);
    case "notification":
      return notificationSubject(message.props);
  }
}

function elementOf(message: EmailMessage): ReactElement {
  switch (message.template) {
    case "invitation":
      return <InvitationEmail {...message.props} />;
    case "password-reset":
      return <PasswordResetEmail {...message.props} />;
    case "access-changed":
      return <AccessChangedEmail {...message.props} />;
    case "notification":
      return <NotificationEmail {...message.props} />;
  }
}

// html-to-text shouts headings in capitals by default; keep names as people wrote them.
const PLAIN_TEXT_OPTIONS = {
  selectors: ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } })),
};

// A subject is a header: names with line breaks must not split it.
const oneLine = (subject: string) => subject.replace(/\s+/g, " ").trim();

/** A message's subject, without making its bodies (a bulk import asks for thousands). */
export function subjectOf(message: EmailMessage): string {
  return oneLine(rawSubject(message));
}

/** The subject, HTML and plain-text bodies of a message. */
export async function renderEmail(message: EmailMessage): Promise<RenderedEmail> {
  const element = elementOf(message);
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions: PLAIN_TEXT_OPTIONS }),
  ]);
  return { subject: subjectOf(message), html, text };
}
