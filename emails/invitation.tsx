import { Heading, Text } from "@react-email/components";
import { formatUtc } from "./format";
import { ActionLink, EmailLayout, heading, note, paragraph } from "./layout";

export type InvitationEmailProps = {
  accountName: string;
  inviterName: string;
  roleLabel: string;
  inviteUrl: string;
  expiresAt: Date;
};

export function invitationSubject({ inviterName, accountName }: InvitationEmailProps): string {
  return `${inviterName} invited you to ${accountName} on Rolecall`;
}

export function InvitationEmail({ accountName, inviterName, roleLabel, inviteUrl, expiresAt }: InvitationEmailProps) {
  return (
    <EmailLayout
      preview={`Join ${accountName} on Rolecall as ${roleLabel}.`}
      reason={`${inviterName} invited this address to ${accountName} on Rolecall`}
    >
      <Heading as="h1" style={heading}>
        Join {accountName} on Rolecall
      </Heading>
      <Text style={paragraph}>
        {inviterName} invited you to {accountName} as {roleLabel}. Accept to choose your password and sign in.
      </Text>
      <ActionLink href={inviteUrl} label="Accept the invitation" />
      <Text style={note}>The link works until {formatUtc(expiresAt)}, and only once.</Text>
      <Text style={note}>If you did not expect this invitation, you can ignore this email: nothing happens until you accept.</Text>
    </EmailLayout>
  );
}
