import { Heading, Text } from "@react-email/components";
import { ActionLink, EmailLayout, heading, note, paragraph } from "./layout";

export type AccessChangedEmailProps = {
  name: string;
  accountName: string;
  /** One sentence per change, e.g. "Your role is now Manager (was Member)." */
  changes: string[];
  accountUrl: string;
};

export function accessChangedSubject({ accountName }: AccessChangedEmailProps): string {
  return `Your access to ${accountName} changed`;
}

export function AccessChangedEmail({ name, accountName, changes, accountUrl }: AccessChangedEmailProps) {
  return (
    <EmailLayout preview={`What changed in your access to ${accountName}.`} reason={`your access to ${accountName} on Rolecall changed`}>
      <Heading as="h1" style={heading}>
        Your access to {accountName} changed
      </Heading>
      <Text style={paragraph}>Hi {name}, an administrator changed what you can do in {accountName}:</Text>
      <ul style={{ ...paragraph, paddingLeft: "20px" }}>
        {changes.map((change, index) => (
          <li key={index} style={{ margin: "0 0 4px" }}>
            {change}
          </li>
        ))}
      </ul>
      <ActionLink href={accountUrl} label={`Open ${accountName}`} />
      <Text style={note}>If this looks wrong, ask an administrator of {accountName}.</Text>
    </EmailLayout>
  );
}
