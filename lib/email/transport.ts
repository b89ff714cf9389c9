/** One message as the provider receives it; the sender address belongs to the transport. */
export type OutgoingEmail = { to: string; subject: string; html: string; text: string };

export type BatchSendResult =
  /** The provider took every message; its ids in the order sent (missing when it did not say). */
  | { status: "accepted"; providerIds: (string | undefined)[] }
  /** Too many requests: nothing was sent, ask again after this many seconds. */
  | { status: "rate-limited"; retryAfterSeconds: number }
  /**
   * Nothing was sent. `transient` failures (network, provider outage) will likely
   * pass later; the others (a refused message) will fail the same way again.
   * `error` is safe to store and log: never a body or a key.
   */
  | { status: "failed"; error: string; transient: boolean };

export interface EmailTransport {
  /**
   * Sends up to 100 messages in one request. Repeating a call with the same
   * idempotency key and messages must not send them twice.
   */
  sendBatch(emails: OutgoingEmail[], idempotencyKey: string): Promise<BatchSendResult>;
}
