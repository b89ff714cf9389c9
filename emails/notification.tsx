import { Heading, Text } from "@react-email/components";
import { ActionLink, EmailLayout, heading, note, paragraph } from "./layout";

export type NotificationEmailProps = {
  name: string;
  accountName: string;
  title: string;
  /** Lines of detail, shown as paragraphs; may be empty. */
  body: string;
  url: string;
  settingsUrl: string;
};

export function notificationSubject({ title }: NotificationEmailProps): string {
  return title;
}

/** A notification that has no email of its own, sent because the person asked for it by email. */
export function NotificationEmail({ name, accountName, title, body, url, settingsUrl }: NotificationEmailProps) {
  return (
    <EmailLayout preview={`${accountName}: ${title}`} reason={`your notification settings on Rolecall ask for this one by email (change them at ${settingsUrl})`}>
      <Heading as="h1" style={heading}>
        {title}
      </Heading>
      <Text style={paragraph}>Hi {name}, this happened in {accountName}.</Text>
      {body
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line, index) => (
          <Text key={index} style={note}>
            {line}
          </Text>
        ))}
      <ActionLink href={url} label="Open in Rolecall" />
    </EmailLayout>
  );
}
