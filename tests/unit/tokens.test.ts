import { describe, expect, it } from "vitest";
import { createOneTimeToken, createOneTimeTokens, hashToken } from "@/lib/auth/tokens";

describe("one-time tokens", () => {
  it("are 256 random bits in base64url, stored only as their SHA-256", () => {
    const { token, hash } = createOneTimeToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
  });

  it("made in bulk are each different, each with its own hash", () => {
    const tokens = createOneTimeTokens(5_000);
    expect(tokens).toHaveLength(5_000);
    expect(new Set(tokens.map(({ token }) => token)).size).toBe(5_000);
    expect(tokens.every(({ token, hash }) => /^[A-Za-z0-9_-]{43}$/.test(token) && hash === hashToken(token))).toBe(true);
  });
});
