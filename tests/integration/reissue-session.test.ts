import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";

// A cookie jar standing in for next/headers' cookies() in a server action.
const jar = vi.hoisted(() => new Map<string, { value: string; options?: Record<string, unknown> }>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    has: (name: string) => jar.has(name),
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)!.value } : undefined),
    set: (name: string, value: string, options: Record<string, unknown>) => void jar.set(name, { value, options }),
  }),
}));
vi.stubEnv("AUTH_SECRET", "a test secret that is long enough for next-auth");

const { reissueSessionToken } = await import("@/lib/auth/reissue-session");
const { sessionSecret } = await import("@/lib/auth/config");

const COOKIE = "authjs.session-token";
const USER_ID = "5f0c6a52-8d0e-4b8c-9d67-0e1a3c9b7a11";

async function signedInToken(maxAge: number) {
  const claims = { sub: USER_ID, sessionVersion: 4, signedInAt: 1_700_000_000 };
  jar.clear();
  jar.set(COOKIE, { value: await encode({ token: claims, secret: sessionSecret(), salt: COOKIE, maxAge }) });
  return decode({ token: jar.get(COOKIE)!.value, secret: sessionSecret(), salt: COOKIE });
}

describe("re-issuing this browser's session after a password change", () => {
  it("moves only the session version: same person, sign-in time and expiry", async () => {
    const before = await signedInToken(3 * 24 * 3600);
    expect(await reissueSessionToken(USER_ID, 5)).toBe(true);

    const cookie = jar.get(COOKIE)!;
    const after = await decode({ token: cookie.value, secret: sessionSecret(), salt: COOKIE });
    expect(after).toMatchObject({ sub: USER_ID, sessionVersion: 5, signedInAt: 1_700_000_000 });
    expect(Math.abs(after!.exp! - before!.exp!)).toBeLessThanOrEqual(1);
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure: false });
  });

  it("leaves a token of someone else, or no token, alone", async () => {
    await signedInToken(3600);
    const original = jar.get(COOKIE)!.value;
    expect(await reissueSessionToken("00000000-0000-4000-8000-000000000000", 5)).toBe(false);
    expect(jar.get(COOKIE)!.value).toBe(original);

    jar.clear();
    expect(await reissueSessionToken(USER_ID, 5)).toBe(false);
    expect(jar.size).toBe(0);
  });

  it("cannot be fooled by a token it cannot decrypt", async () => {
    jar.clear();
    jar.set(COOKIE, { value: "not a token" });
    expect(await reissueSessionToken(USER_ID, 5)).toBe(false);
  });
});
