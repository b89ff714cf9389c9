import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emails } from "@/db/schema";
import { resendConfigOf } from "@/lib/email/config";
import { BATCH_LIMIT, deliverEmails, deliverOverdueEmails, idempotencyKeyFor, MAX_ATTEMPTS } from "@/lib/email/deliver";
import { createResendTransport } from "@/lib/email/resend-transport";
import { renderEmail } from "@/lib/email/render-email";
import { queueBulkEmails, queueEmail, type EmailMessage } from "@/lib/email/send";
import type { EmailTransport } from "@/lib/email/transport";
import { parseEnv } from "@/lib/env";
import { useTestDatabase } from "./support/test-database";

// The provider is a local HTTP server and the real SDK talks to it: these tests
// pin down the requests Resend receives, not how we call a mock.
useTestDatabase();

const API_KEY = "re_test_contract_key";
const FROM = "Rolecall <noreply@rolecall.test>";

type ProviderRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: Array<Record<string, unknown>> };
type Reply = { status: number; headers?: Record<string, string>; body: unknown };

/** Behaves like Resend's batch endpoint: answers ids, and sends a batch once per idempotency key. */
function fakeResend() {
  const requests: ProviderRequest[] = [];
  const scripted: Reply[] = [];
  const deliveredKeys = new Set<string>();
  let delivered = 0;
  let nextId = 1;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ProviderRequest["body"];
      requests.push({ method: request.method!, path: request.url!, headers: request.headers, body });
      const key = String(request.headers["idempotency-key"]);
      const reply = scripted.shift() ?? { status: 200, body: { data: body.map(() => ({ id: `re_msg_${nextId++}` })) } };
      if (reply.status === 200 && !deliveredKeys.has(key)) {
        deliveredKeys.add(key);
        delivered += body.length;
      }
      response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      response.end(JSON.stringify(reply.body));
    });
  });
  return {
    requests,
    /** Messages that actually went out: a repeated key sends nothing. */
    delivered: () => delivered,
    answerNext: (...replies: Reply[]) => scripted.push(...replies),
    reset() {
      requests.length = 0;
      scripted.length = 0;
      delivered = 0;
    },
    listen: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const provider = fakeResend();
let transport: EmailTransport;

beforeAll(async () => {
  const baseUrl = await provider.listen();
  // Through the app's own environment parsing, as the server configures it.
  transport = createResendTransport(resendConfigOf(parseEnv({ RESEND_API_KEY: API_KEY, EMAIL_FROM: FROM, RESEND_BASE_URL: baseUrl }))!);
});
afterAll(() => provider.close());
beforeEach(async () => {
  provider.reset();
  await db().delete(emails);
});

const invitation = (n: number): EmailMessage => ({
  template: "invitation",
  to: `person${n}@example.com`,
  props: { accountName: "Acme Calls", inviterName: "Dana", roleLabel: "Member", inviteUrl: `https://rolecall.test/invite/tok_${n}`, expiresAt: new Date("2026-03-05T14:30:00Z") },
});

async function queueInvitations(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 1; n <= count; n++) ids.push(await queueEmail(db(), invitation(n), "resend"));
  return ids;
}

const rowsOf = (ids: string[]) => db().select().from(emails).where(inArray(emails.id, ids)).orderBy(emails.to);

describe("delivery through Resend", () => {
  it("sends queued emails in one batch request, exactly as the provider expects", async () => {
    const ids = await queueInvitations(3);
    const queued = await rowsOf(ids);

    const outcome = await deliverEmails(ids, transport);

    expect(outcome).toEqual({ sent: 3, failed: 0, pending: 0 });
    expect(provider.requests).toHaveLength(1);
    const [request] = provider.requests;
    expect(request).toMatchObject({ method: "POST", path: "/emails/batch" });
    expect(request!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["idempotency-key"]).toBe(idempotencyKeyFor(ids));
    expect(request!.headers["idempotency-key"]).toMatch(/^rolecall-emails\/[0-9a-f]{64}$/);
    expect([...request!.body].sort((a, b) => String(a.to).localeCompare(String(b.to)))).toEqual(
      queued.map((row) => ({ from: FROM, to: row.to, subject: row.subject, html: row.html, text: row.text })),
    );

    const sent = await rowsOf(ids);
    expect(sent.every((row) => row.status === "sent" && row.sentAt !== null && row.attempts === 0)).toBe(true);
    expect(sent.map((row) => row.providerMessageId).sort()).toEqual(["re_msg_1", "re_msg_2", "re_msg_3"]);
    // The bodies held one-time links; the provider has them now.
    expect(sent.every((row) => row.html === null && row.text === null)).toBe(true);
  });

  it("renders bulk emails as it sends them, each with its own link, the same as one rendered alone", async () => {
    const ids = await queueBulkEmails(db(), [1, 2, 3].map(invitation), "resend");
    const stored = await rowsOf(ids);
    expect(stored.every((row) => row.html === null && row.props !== null)).toBe(true);

    expect(await deliverEmails(ids, transport)).toEqual({ sent: 3, failed: 0, pending: 0 });
    const body = [...provider.requests[0]!.body].sort((a, b) => String(a.to).localeCompare(String(b.to)));
    for (const [index, message] of body.entries()) {
      const alone = await renderEmail(invitation(index + 1));
      expect(message).toEqual({ from: FROM, to: `person${index + 1}@example.com`, subject: alone.subject, html: alone.html, text: alone.text });
    }
    // The props held the links too: cleared with the bodies.
    expect((await rowsOf(ids)).every((row) => row.props === null && row.html === null)).toBe(true);
  });

  it("sends the rest of a batch when one stored email can no longer be rendered, and counts a failed try on that one", async () => {
    const ids = await queueBulkEmails(db(), [1, 2].map(invitation), "resend");
    const [broken] = await db().insert(emails).values({ template: "no-such-template", to: "broken@example.com", subject: "Broken", props: {}, status: "queued" }).returning();
    expect(await deliverEmails([...ids, broken!.id], transport)).toEqual({ sent: 2, failed: 0, pending: 1 });
    expect(provider.requests).toHaveLength(1);
    expect(provider.requests[0]!.body.map((message) => message.to).sort()).toEqual(["person1@example.com", "person2@example.com"]);
    expect((await rowsOf([broken!.id]))[0]).toMatchObject({ status: "queued", attempts: 1, lastError: "The email could not be rendered from its template." });
  });

  it("never sends an email twice: a second run finds nothing to send", async () => {
    const ids = await queueInvitations(3);
    await deliverEmails(ids, transport);
    await db().update(emails).set({ createdAt: sql`now() - interval '1 hour'` });

    expect(await deliverEmails(ids, transport)).toEqual({ sent: 0, failed: 0, pending: 0 });
    expect(await deliverOverdueEmails(transport)).toEqual({ sent: 0, failed: 0, pending: 0 });
    expect(provider.requests).toHaveLength(1);
  });

  it("lets racing workers mark an email sent only once, with one idempotency key between them", async () => {
    const ids = await queueInvitations(3);
    const outcomes = await Promise.all([deliverEmails(ids, transport), deliverEmails(ids, transport)]);

    expect(outcomes.reduce((total, outcome) => total + outcome.sent, 0)).toBe(3);
    const keys = new Set(provider.requests.map((request) => request.headers["idempotency-key"]));
    expect(keys.size).toBe(1);
    expect(provider.delivered()).toBe(3);
  });

  it(`splits bulk sends into batches of at most ${BATCH_LIMIT}`, async () => {
    const ids = await queueInvitations(150);

    expect(await deliverEmails(ids, transport)).toEqual({ sent: 150, failed: 0, pending: 0 });
    expect(provider.requests.map((request) => request.body.length)).toEqual([100, 50]);
    const [first, second] = provider.requests;
    expect(first!.headers["idempotency-key"]).not.toBe(second!.headers["idempotency-key"]);
    expect(new Set(provider.requests.flatMap((request) => request.body.map((email) => email.to))).size).toBe(150);
  });

  it("waits out a short 429 and sends the same batch again, with the same key", async () => {
    const ids = await queueInvitations(1);
    provider.answerNext({ status: 429, headers: { "retry-after": "1" }, body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" } });

    const started = Date.now();
    expect(await deliverEmails(ids, transport)).toEqual({ sent: 1, failed: 0, pending: 0 });

    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(provider.requests).toHaveLength(2);
    const [limited, retried] = provider.requests;
    expect(retried!.headers["idempotency-key"]).toBe(limited!.headers["idempotency-key"]);
    expect(retried!.body).toEqual(limited!.body);
    const [row] = await rowsOf(ids);
    expect(row).toMatchObject({ status: "sent", attempts: 0 });
  });

  it("keeps an email queued through a long 429 and sends it on a later run", async () => {
    const ids = await queueInvitations(1);
    provider.answerNext({ status: 429, headers: { "retry-after": "120" }, body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" } });

    expect(await deliverEmails(ids, transport)).toEqual({ sent: 0, failed: 0, pending: 1, retryAfterSeconds: 120 });
    // A pause is not the email's fault: it spends no attempt.
    expect((await rowsOf(ids))[0]).toMatchObject({ status: "queued", attempts: 0, html: expect.stringContaining("tok_1") });

    expect(await deliverEmails(ids, transport)).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(provider.delivered()).toBe(1);
  });

  it("counts failed tries without storing secrets, and gives up after the last attempt", async () => {
    const ids = await queueInvitations(2);
    const outage = { status: 503, body: { statusCode: 503, name: "application_error", message: "Service unavailable" } };
    provider.answerNext(outage);

    expect(await deliverEmails(ids, transport)).toEqual({ sent: 0, failed: 0, pending: 2 });
    const rows = await rowsOf(ids);
    expect(rows.map((row) => [row.status, row.attempts])).toEqual([["queued", 1], ["queued", 1]]);
    expect(rows[0]!.lastError).toBe("503 application_error: Service unavailable");
    expect(rows[0]!.lastError).not.toContain(API_KEY);

    await db().update(emails).set({ attempts: MAX_ATTEMPTS - 1 });
    provider.answerNext(outage);
    expect(await deliverEmails(ids, transport)).toEqual({ sent: 0, failed: 2, pending: 0 });
    expect((await rowsOf(ids)).map((row) => row.status)).toEqual(["failed", "failed"]);
    // Given up, the bodies (with their one-time links) go.
    expect((await rowsOf(ids)).map((row) => [row.html, row.text])).toEqual([[null, null], [null, null]]);
  });
});

describe("the sweep", () => {
  it("sends queued emails no job sent, and retries only when their back-off is due", async () => {
    const [fresh, forgotten, retriedRecently, retryDue] = await queueInvitations(4);
    const age = (id: string, interval: string, attempts: number) =>
      db().update(emails).set({ createdAt: sql`now() - ${interval}::interval`, attempts }).where(inArray(emails.id, [id!]));
    await age(forgotten!, "1 minute", 0); // queued 60 s ago, never tried: its job is lost
    await age(retriedRecently!, "3 minutes", 3); // third retry is due 4 minutes after queueing
    await age(retryDue!, "5 minutes", 3);

    expect(await deliverOverdueEmails(transport)).toEqual({ sent: 2, failed: 0, pending: 0 });
    expect(provider.requests.flatMap((request) => request.body.map((email) => email.to)).sort()).toEqual(["person2@example.com", "person4@example.com"]);
    expect((await rowsOf([fresh!, retriedRecently!])).map((row) => row.status)).toEqual(["queued", "queued"]);
  });
});
