import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authSecret, ConfigurationError, parseEnv } from "@/lib/env";

describe("environment", () => {
  it("applies defaults and treats blank values as unset", () => {
    const env = parseEnv({ DATABASE_URL: "  ", AUTH_SECRET: "" });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
  });

  it("names every invalid variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/x", PORT: "http", AUTH_SECRET: "short" })).toThrow(
      /DATABASE_URL[\s\S]*PORT|PORT[\s\S]*DATABASE_URL/,
    );
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(ConfigurationError);
  });

  it("requires AUTH_SECRET in production with a real database", () => {
    const env = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db.example/rolecall" });
    expect(() => authSecret(env, "/nonexistent/never-written")).toThrow(/AUTH_SECRET is required/);
  });

  it("generates a secret once for the embedded database and reuses it", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "rolecall-")), "auth-secret");
    const env = parseEnv({ NODE_ENV: "production" });
    const first = authSecret(env, file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(authSecret(env, file)).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("prefers a configured secret", () => {
    const secret = "s".repeat(40);
    expect(authSecret(parseEnv({ AUTH_SECRET: secret, DATABASE_URL: "postgres://db/x", NODE_ENV: "production" }))).toBe(secret);
  });
});
