import { describe, expect, it } from "vitest";
import { assertMailConfigured, emailModeOf, resendConfigOf } from "@/lib/email/config";
import { retryAfterSeconds } from "@/lib/email/resend-transport";
import { ConfigurationError, parseEnv } from "@/lib/env";

describe("email configuration", () => {
  it("keeps mail in the dev outbox without an API key", () => {
    const env = parseEnv({});
    expect(emailModeOf(env)).toBe("outbox");
    expect(resendConfigOf(env)).toBeUndefined();
  });

  it("refuses an API key without a sender", () => {
    expect(() => parseEnv({ RESEND_API_KEY: "re_123" })).toThrow(ConfigurationError);
    expect(() => parseEnv({ RESEND_API_KEY: "re_123", EMAIL_FROM: "  " })).toThrow(/EMAIL_FROM/);
  });

  it("sends through Resend with a key and a sender, at the configured base URL", () => {
    const env = parseEnv({ RESEND_API_KEY: "re_123", EMAIL_FROM: "Rolecall <noreply@example.com>", RESEND_BASE_URL: "http://127.0.0.1:4010/" });
    expect(emailModeOf(env)).toBe("resend");
    expect(resendConfigOf(env)).toEqual({ apiKey: "re_123", from: "Rolecall <noreply@example.com>", baseUrl: "http://127.0.0.1:4010" });
  });
});

describe("mail in production", () => {
  const production = { NODE_ENV: "production", DATABASE_URL: "postgres://db.example/rolecall", AUTH_SECRET: "x".repeat(32) };

  it("refuses to start on Postgres with only the public dev outbox, unless told to", () => {
    expect(() => assertMailConfigured(parseEnv(production))).toThrow(/RESEND_API_KEY and EMAIL_FROM are required in production/);
    expect(() => assertMailConfigured(parseEnv({ ...production, EMAIL_OUTBOX: "on" }))).not.toThrow();
    expect(() => assertMailConfigured(parseEnv({ ...production, RESEND_API_KEY: "re_1", EMAIL_FROM: "a@example.com" }))).not.toThrow();
    expect(() => parseEnv({ ...production, EMAIL_OUTBOX: "yes" })).toThrow(/EMAIL_OUTBOX/);
  });

  it("refuses a public embedded-database server too", () => {
    expect(() => assertMailConfigured(parseEnv({ NODE_ENV: "production", APP_URL: "https://rolecall.example.com" }))).toThrow(/public APP_URL/);
  });

  it("lets the embedded database on localhost and development use the outbox", () => {
    expect(() => assertMailConfigured(parseEnv({ NODE_ENV: "production" }))).not.toThrow();
    expect(() => assertMailConfigured(parseEnv({ NODE_ENV: "production", APP_URL: "http://localhost:3210" }))).not.toThrow();
    expect(() => assertMailConfigured(parseEnv({ DATABASE_URL: production.DATABASE_URL }))).not.toThrow();
  });
});

describe("retry-after", () => {
  it("reads seconds or an HTTP date, and assumes a minute when missing", () => {
    const now = Date.parse("2026-03-05T14:30:00Z");
    expect(retryAfterSeconds("2", now)).toBe(2);
    expect(retryAfterSeconds("Thu, 05 Mar 2026 14:30:30 GMT", now)).toBe(30);
    expect(retryAfterSeconds(undefined, now)).toBe(60);
    expect(retryAfterSeconds("soon", now)).toBe(60);
  });
});
