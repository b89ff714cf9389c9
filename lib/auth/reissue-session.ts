import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { sessionSecret } from "./config";

// next-auth's session cookie, "__Secure-" prefixed over HTTPS. Its name is
// also the salt of the token's encryption key.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * After the person's own password change bumped their session version (ending
 * every other session), gives this browser a token with the new version so it
 * stays signed in. Identity, sign-in time and expiry carry over unchanged.
 * Done here rather than through next-auth's session update, which anyone
 * holding a token can trigger (POST /api/auth/session): a stale token must
 * never be able to renew itself. Returns false if there was nothing to carry
 * over; the person then signs in again.
 */
export async function reissueSessionToken(userId: string, sessionVersion: number): Promise<boolean> {
  const cookieStore = await cookies();
  const name = SESSION_COOKIES.find((cookieName) => cookieStore.has(cookieName));
  if (!name) return false;

  const secret = sessionSecret();
  const claims = await decode({ token: cookieStore.get(name)?.value, secret, salt: name }).catch(() => null);
  const nowSeconds = Math.floor(Date.now() / 1000);
  if (claims?.sub !== userId || typeof claims.exp !== "number" || claims.exp <= nowSeconds) return false;

  // encode() stamps a fresh iat, exp and jti.
  const { iat: _issuedAt, exp: expiresAt, jti: _tokenId, ...identity } = claims;
  const token = await encode({ token: { ...identity, sessionVersion }, secret, salt: name, maxAge: expiresAt - nowSeconds });
  cookieStore.set(name, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    expires: new Date(expiresAt * 1000),
  });
  return true;
}
