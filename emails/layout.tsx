import { Body, Container, Head, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";

// Email clients ignore stylesheets and modern color syntax: plain hex, inline.
const ACCENT = "#3b5bdb";
const INK = "#18181b";
const MUTED = "#52525b";

const body: CSSProperties = { backgroundColor: "#f4f4f5", color: INK, fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif", margin: 0, padding: "24px 0" };
const container: CSSProperties = { maxWidth: "520px", margin: "0 auto", padding: "0 16px" };
const wordmark: CSSProperties = { fontSize: "18px", fontWeight: 600, letterSpacing: "-0.01em", margin: "0 0 16px" };
const dot: CSSProperties = { display: "inline-block", width: "10px", height: "10px", borderRadius: "5px", backgroundColor: ACCENT, marginRight: "6px" };
const card: CSSProperties = { backgroundColor: "#ffffff", border: "1px solid #e4e4e7", borderRadius: "12px", padding: "24px" };
const footer: CSSProperties = { color: MUTED, fontSize: "12px", lineHeight: "18px", margin: "16px 0 0" };

export const heading: CSSProperties = { fontSize: "20px", fontWeight: 600, lineHeight: "28px", margin: "0 0 16px" };
export const paragraph: CSSProperties = { fontSize: "14px", lineHeight: "22px", margin: "0 0 16px" };
export const note: CSSProperties = { ...paragraph, color: MUTED, fontSize: "13px" };
const button: CSSProperties = { backgroundColor: ACCENT, borderRadius: "6px", color: "#ffffff", display: "inline-block", fontSize: "14px", fontWeight: 600, padding: "10px 16px", textDecoration: "none" };
const fallbackLink: CSSProperties = { color: ACCENT, wordBreak: "break-all" };

type EmailLayoutProps = {
  /** The line inbox lists show after the subject. */
  preview: string;
  /** Completes "You received this email because …". */
  reason: string;
  children: ReactNode;
};

export function EmailLayout({ preview, reason, children }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={wordmark}>
            <span aria-hidden="true" style={dot} />
            Rolecall
          </Text>
          <Section style={card}>{children}</Section>
          <Text style={footer}>You received this email because {reason}.</Text>
        </Container>
      </Body>
    </Html>
  );
}

/**
 * The email's one action, followed by its URL written out: some clients
 * strip buttons, and people should see where a link goes before opening it.
 */
export function ActionLink({ href, label }: { href: string; label: string }) {
  return (
    <>
      <Section style={{ margin: "8px 0 20px" }}>
        <Link href={href} style={button}>
          {label}
        </Link>
      </Section>
      <Text style={note}>
        Or paste this link into your browser:
        <br />
        <Link href={href} style={fallbackLink}>
          {href}
        </Link>
      </Text>
    </>
  );
}
