import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emails } from "@/db/schema";
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
