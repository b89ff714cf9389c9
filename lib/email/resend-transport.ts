import { Resend } from "resend";
import type { ResendConfig } from "./config";
import type { BatchSendResult, EmailTransport, OutgoingEmail } from "./transport";

const REQUEST_TIMEOUT_MS = 30_000;
// Resend sends retry-after with its 429s; a quota 429 may come without one.
const DEFAULT_RETRY_AFTER_SECONDS = 60;
// Over a limit, not a bad message: wait and send the same batch again.
const RATE_LIMIT_ERRORS = new Set(["rate_limit_exceeded", "daily_quota_exceeded", "monthly_quota_exceeded"]);

/** Seconds to wait from a retry-after header: delta-seconds or an HTTP date. */
export function retryAfterSeconds(header: string | undefined, now = Date.now()): number {
  if (!header) return DEFAULT_RETRY_AFTER_SECONDS;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(0, Math.ceil((date - now) / 1000));
}

export function createResendTransport({ apiKey, from, baseUrl }: ResendConfig): EmailTransport {
  // An explicit baseUrl: the SDK would otherwise read process.env.RESEND_BASE_URL itself.
  const resend = new Resend(apiKey, { baseUrl: baseUrl ?? "https://api.resend.com" });

  return {
    async sendBatch(emails: OutgoingEmail[], idempotencyKey: string): Promise<BatchSendResult> {
      const { data, error, headers } = await resend.batch.send(
        emails.map(({ to, subject, html, text }) => ({ from, to, subject, html, text })),
        { idempotencyKey, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
      );
      if (!error) return { status: "accepted", providerIds: emails.map((_, index) => data.data[index]?.id) };

      const statusCode = error.statusCode ?? null;
      if (statusCode === 429 || RATE_LIMIT_ERRORS.has(error.name)) return { status: "rate-limited", retryAfterSeconds: retryAfterSeconds(headers?.["retry-after"]) };
      return {
        status: "failed",
        // Status and the provider's own words; the SDK's errors never carry the key or the bodies.
        error: `${statusCode ?? "no response"} ${error.name}: ${error.message}`.slice(0, 500),
        // No answer, a provider outage, or another request with this key still running.
        transient: statusCode === null || statusCode >= 500 || error.name === "concurrent_idempotent_requests",
      };
    },
  };
}
