import { Heading, Text } from "@react-email/components";
import { formatUtc } from "./format";
import { ActionLink, EmailLayout, heading, note, paragraph } from "./layout";

export type PasswordResetEmailProps = {
  name: string;
  resetUrl: string;
  expiresAt: Date;
};

export function passwordResetSubject(): string {
  return "Reset your Rolecall password";
}

export function PasswordResetEmail({ name, resetUrl, expiresAt }: PasswordResetEmailProps) {
  return (
    <EmailLayout preview="Choose a new password for Rolecall." reason="someone asked to reset the password of your Rolecall account">
      <Heading as="h1" style={heading}>
        Reset your password
      </Heading>
      <Text style={paragraph}>Hi {name}, someone asked to reset the password of your Rolecall account.</Text>
      <ActionLink href={resetUrl} label="Choose a new password" />
      <Text style={note}>The link is valid for 1 hour (until {formatUtc(expiresAt)}) and works only once.</Text>
      <Text style={note}>If you did not ask for this, ignore this email: your password stays as it is.</Text>
    </EmailLayout>
  );
}
