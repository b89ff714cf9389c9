import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Set: postgres.js against a real Postgres. Unset: embedded PGlite.
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  // Where embedded PGlite keeps its files; "memory://" keeps nothing.
  PGLITE_DATA_DIR: optionalText,
  AUTH_SECRET: optionalText.pipe(z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
  APP_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  RESEND_API_KEY: optionalText,
  RESEND_BASE_URL: optionalText.pipe(z.url().optional()),
  EMAIL_FROM: optionalText,
  // "on" keeps mail in the dev outbox even in production with Postgres (a demo or staging server).
  EMAIL_OUTBOX: optionalText.pipe(z.enum(["on"], { error: 'set it to "on" or leave it unset' }).optional()),
  // A session ends after this long without a request, and this long after signing in whatever happens.
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(60 * 24),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
}).superRefine((config, context) => {
  // Without a sender the provider refuses every message, so a key alone would only fill the queue.
  if (config.RESEND_API_KEY && !config.EMAIL_FROM) {
    context.addIssue({ code: "custom", path: ["EMAIL_FROM"], message: 'required when RESEND_API_KEY is set, e.g. "Rolecall <noreply@example.com>"' });
  }
});

export type Env = z.infer<typeof envSchema>;

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigurationError(`Invalid environment:\n${problems.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const DATA_DIR = path.join(process.cwd(), ".data");

export function pgliteDataDir(): string {
  return env().PGLITE_DATA_DIR ?? path.join(DATA_DIR, "pglite");
}

export function usesEmbeddedDatabase(): boolean {
  return env().DATABASE_URL === undefined;
}

export function appUrl(): string {
  return env().APP_URL ?? `http://localhost:${env().PORT}`;
}

/**
 * The secret that signs and encrypts session tokens. On the embedded default it
 * is generated once into .data/ so `npm start` needs no setup; with a real
 * database in production it must be configured, because several app instances
 * have to share it.
 */
export function authSecret(config: Env = env(), secretFile = path.join(DATA_DIR, "auth-secret")): string {
  const { AUTH_SECRET, DATABASE_URL, NODE_ENV } = config;
  if (AUTH_SECRET) return AUTH_SECRET;
  if (DATABASE_URL && NODE_ENV === "production") {
    throw new ConfigurationError(
      "AUTH_SECRET is required in production with DATABASE_URL (generate one with `openssl rand -base64 32`).",
    );
  }
  return readOrCreateSecretFile(secretFile);
}

function readOrCreateSecretFile(file: string): string {
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
