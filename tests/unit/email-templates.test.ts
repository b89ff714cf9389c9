import { describe, expect, it } from "vitest";
import { linksIn } from "@/lib/email/links";
import { renderEmail, type EmailMessage } from "@/lib/email/render-email";

const expiresAt = new Date("2026-03-05T14:30:00Z");
const expiryText = "March 5, 2026 at 2:30 PM UTC";
const hostile = `<script>alert("x")</script>`;

const invitation = (props: Partial<Extract<EmailMessage, { template: "invitation" }>["props"]> = {}): EmailMessage => ({
  template: "invitation",
  to: "new.person@example.com",
  props: { accountName: "Acme Calls", inviterName: "Dana Admin", roleLabel: "Manager", inviteUrl: "https://rolecall.test/invite/tok_123", expiresAt, ...props },
});

describe("invitation email", () => {
  it("names who invited whom to what, with the link and its expiry", async () => {
    const { subject, html, text } = await renderEmail(invitation());
    expect(subject).toBe("Dana Admin invited you to Acme Calls on Rolecall");
    expect(html).toContain('href="https://rolecall.test/invite/tok_123"');
    for (const body of [html, text]) {
      expect(body).toContain("Acme Calls");
      expect(body).toContain("Manager");
      expect(body).toContain(expiryText);
      expect(body).toContain("only once");
      expect(body).toContain("ignore this email");
    }
    expect(text).toContain("https://rolecall.test/invite/tok_123");
  });

  it("escapes what people typed", async () => {
    const { html, text } = await renderEmail(invitation({ inviterName: hostile, accountName: `Acme & <b>Sons</b>` }));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>Sons");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("Acme &amp; &lt;b&gt;Sons&lt;/b&gt;");
    // Plain text is not markup: it keeps the name exactly as typed.
    expect(text).toContain(hostile);
  });

  it("keeps the subject on one line", async () => {
    const { subject } = await renderEmail(invitation({ inviterName: "Dana\r\nBcc: someone@example.com" }));
    expect(subject).toBe("Dana Bcc: someone@example.com invited you to Acme Calls on Rolecall");
  });
});

const passwordReset = {
  template: "password-reset",
  to: "dana@example.com",
  props: { name: "Dana", resetUrl: "https://rolecall.test/reset-password/tok_456", expiresAt },
} satisfies EmailMessage;

const accessChanged = {
  template: "access-changed",
  to: "dana@example.com",
  props: {
    name: "Dana",
    accountName: "Acme Calls",
    changes: ["Your role is now Observer (was Manager).", "You no longer have the Contact Center license."],
    accountUrl: "https://rolecall.test/a/acme-calls",
  },
} satisfies EmailMessage;

describe("password reset email", () => {
  it("has the link, how long it works, and what to do if unasked", async () => {
    const { subject, html, text } = await renderEmail(passwordReset);
    expect(subject).toBe("Reset your Rolecall password");
    expect(html).toContain('href="https://rolecall.test/reset-password/tok_456"');
    for (const body of [html, text]) {
      expect(body).toContain("Dana");
      expect(body).toContain("1 hour");
      expect(body).toContain(expiryText);
      expect(body).toContain("If you did not ask");
    }
    expect(text).toContain("https://rolecall.test/reset-password/tok_456");
  });

  it("escapes the name", async () => {
    const { html } = await renderEmail({ ...passwordReset, props: { ...passwordReset.props, name: hostile } });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("access changed email", () => {
  it("lists every change and links to the account", async () => {
    const { subject, html, text } = await renderEmail(accessChanged);
    expect(subject).toBe("Your access to Acme Calls changed");
    expect(html).toContain('href="https://rolecall.test/a/acme-calls"');
    expect(html.match(/<li\b/g)).toHaveLength(2);
    for (const body of [html, text]) {
      expect(body).toContain("Your role is now Observer (was Manager).");
      expect(body).toContain("You no longer have the Contact Center license.");
    }
    expect(text).toContain("https://rolecall.test/a/acme-calls");
  });

  it("escapes the changes and names", async () => {
    const { html } = await renderEmail({ ...accessChanged, props: { ...accessChanged.props, accountName: hostile, changes: [hostile] } });
    expect(html).not.toContain("<script>");
  });
});

const notification = {
  template: "notification",
  to: "dana@example.com",
  props: {
    name: "Dana",
    accountName: "Acme Calls",
    title: "Import of 1,240 rows finished: 1,200 invited, 30 changed, 10 errors",
    body: "people.xlsx\nSecond line",
    url: "https://rolecall.test/a/acme-calls/settings/users/import/42",
    settingsUrl: "https://rolecall.test/profile#notifications",
  },
} satisfies EmailMessage;

describe("notification email", () => {
  it("says what happened where, with each line of detail, a link to it and where to turn such emails off", async () => {
    const { subject, html, text } = await renderEmail(notification);
    expect(subject).toBe("Import of 1,240 rows finished: 1,200 invited, 30 changed, 10 errors");
    expect(html).toContain('href="https://rolecall.test/a/acme-calls/settings/users/import/42"');
    expect(text).toContain("Hi Dana, this happened in Acme Calls.");
    for (const body of [html, text]) {
      expect(body).toContain("Acme Calls");
      expect(body).toContain("people.xlsx");
      expect(body).toContain("Second line");
      expect(body).toContain("https://rolecall.test/profile#notifications");
    }
  });

  it("escapes the title and the body", async () => {
    const { html } = await renderEmail({ ...notification, props: { ...notification.props, title: hostile, body: hostile } });
    expect(html).not.toContain("<script>");
  });
});

describe("every template", () => {
  it("renders a whole document that says why the reader got it", async () => {
    for (const message of [invitation(), passwordReset, accessChanged, notification]) {
      const { html, text } = await renderEmail(message);
      expect(html).toMatch(/^<!DOCTYPE html/);
      expect(html).toContain('lang="en"');
      expect(text).toContain("You received this email because");
    }
  });
});

describe("links in the plain text", () => {
  it("are the email's own links, once each, for the dev outbox to show", async () => {
    expect(linksIn((await renderEmail(invitation())).text)).toEqual(["https://rolecall.test/invite/tok_123"]);
    expect(linksIn((await renderEmail(accessChanged)).text)).toEqual(["https://rolecall.test/a/acme-calls"]);
  });

  it("leave out the punctuation that ends a sentence", () => {
    expect(linksIn("Open https://a.test/x. Or (https://b.test/y), then http://c.test/z!")).toEqual(["https://a.test/x", "https://b.test/y", "http://c.test/z"]);
  });
});
