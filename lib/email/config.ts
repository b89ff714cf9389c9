import { ConfigurationError, env, type Env } from "@/lib/env";

/** "resend" sends through the provider; "outbox" only stores mail for /dev/mail. */
export type EmailMode = "resend" | "outbox";

export type ResendConfig = { apiKey: string; from: string; baseUrl?: string };

export function emailModeOf(config: Env): EmailMode {
  return config.RESEND_API_KEY ? "resend" : "outbox";
}

/** The provider settings, or undefined in outbox mode. lib/env.ts makes EMAIL_FROM required beside the key. */
export function resendConfigOf(config: Env = env()): ResendConfig | undefined {
  const { RESEND_API_KEY: apiKey, EMAIL_FROM: from, RESEND_BASE_URL: baseUrl } = config;
  if (!apiKey || !from) return undefined;
  // The SDK appends paths like "/emails/batch" to the base URL as they are.
  return { apiKey, from, baseUrl: baseUrl?.replace(/\/+$/, "") };
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether the server says it is reachable beyond this machine: a real database, or a public APP_URL. */
function servesOthers(config: Env): boolean {
  return Boolean(config.DATABASE_URL) || (config.APP_URL !== undefined && !LOOPBACK_HOSTS.has(new URL(config.APP_URL).hostname));
}

/**
 * Refuses to start a production server that others can reach whose mail would
 * only land in the dev outbox, which anyone can open and which shows every
 * one-time link — unless EMAIL_OUTBOX=on says that is meant (a demo or staging
 * server). The newcomer's `npm start` on localhost keeps its outbox.
 */
export function assertMailConfigured(config: Env = env()): void {
  if (config.NODE_ENV !== "production" || !servesOthers(config)) return;
  if (emailModeOf(config) === "outbox" && config.EMAIL_OUTBOX !== "on") {
    throw new ConfigurationError(
      "RESEND_API_KEY and EMAIL_FROM are required in production with DATABASE_URL or a public APP_URL. To keep mail in the dev outbox at /dev/mail instead (public: it shows every invite link), set EMAIL_OUTBOX=on.",
    );
  }
}
