import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { findOutboxEmail, listOutboxEmails, type OutboxCursor } from "@/db/queries/emails";
import { emails } from "@/db/schema";
import { encodeOutboxCursor, parseOutboxCursor } from "@/lib/email/outbox-cursor";
import { deliverSoon, emailMode, queueEmail, type EmailMessage } from "@/lib/email/send";
import { inTransaction } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

useTestDatabase();

const reset = (to: string): EmailMessage => ({
  template: "password-reset",
  to,
  props: { name: "Dana", resetUrl: "https://rolecall.test/reset-password/tok_1", expiresAt: new Date("2026-03-05T14:30:00Z") },
});

async function emailsTo(to: string) {
  return db().select().from(emails).where(eq(emails.to, to));
}

describe("the email outbox", () => {
  it("stores the rendered email, unsent, when no provider is configured", async () => {
    expect(emailMode()).toBe("outbox");
    const id = await queueEmail(db(), reset("dana@example.com"));

    const [row] = await emailsTo("dana@example.com");
    expect(row).toMatchObject({ id, template: "password-reset", status: "outbox", subject: "Reset your Rolecall password", attempts: 0, sentAt: null });
    expect(row!.html).toContain('href="https://rolecall.test/reset-password/tok_1"');
    expect(row!.text).toContain("https://rolecall.test/reset-password/tok_1");
    await expect(deliverSoon([id])).resolves.toBeUndefined();
  });

  it("queues the email for delivery when a provider is configured", async () => {
    await queueEmail(db(), reset("queued@example.com"), "resend");
    const [row] = await emailsTo("queued@example.com");
    expect(row!.status).toBe("queued");
  });

  it("stores nothing when the caller's transaction rolls back", async () => {
    const failing = inTransaction(async (tx) => {
      await queueEmail(tx, reset("rolled.back@example.com"));
      throw new Error("the change failed");
    });
    await expect(failing).rejects.toThrow("the change failed");
    expect(await emailsTo("rolled.back@example.com")).toEqual([]);
  });

  it("stores the email together with the caller's committed change", async () => {
    const id = await inTransaction((tx) => queueEmail(tx, reset("committed@example.com")));
    expect((await emailsTo("committed@example.com")).map((row) => row.id)).toEqual([id]);
  });
});

describe("the dev outbox list", () => {
  it("pages newest first, continuing exactly where a page ended", async () => {
    await db().delete(emails);
    // One transaction: the same created_at for all, so the id decides the order within it.
    const ids = await inTransaction(async (tx) => {
      const queued = [];
      for (const to of ["p1@example.com", "p2@example.com", "p3@example.com"]) queued.push(await queueEmail(tx, reset(to)));
      return queued;
    });
    const newer = await queueEmail(db(), reset("p4@example.com"));

    const seen: string[] = [];
    let after: OutboxCursor | undefined;
    do {
      const page = await listOutboxEmails(after, 2);
      seen.push(...page.rows.map((row) => row.id));
      // Through the URL and back, as the page does it.
      after = page.next && parseOutboxCursor(encodeOutboxCursor(page.next));
      if (page.next) expect(after).toEqual(page.next);
    } while (after);

    expect(seen).toEqual([newer, ...[...ids].sort().reverse()]);
    expect(await findOutboxEmail(newer)).toMatchObject({ to: "p4@example.com" });
  });

  it("ignores cursors it did not make", () => {
    expect(parseOutboxCursor("not-a-cursor")).toBeUndefined();
    expect(parseOutboxCursor(Buffer.from(JSON.stringify({ createdAt: "yesterday'--", id: "x" })).toString("base64url"))).toBeUndefined();
    expect(parseOutboxCursor(["a", "b"])).toBeUndefined();
  });
});
