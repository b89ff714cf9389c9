import { env, type Env } from "@/lib/env";

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
