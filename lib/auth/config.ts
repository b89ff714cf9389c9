import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authSecret, env } from "@/lib/env";
import { requestOriginOf } from "@/lib/http/client-ip";
import { redeemSignInProof } from "./sign-in-proof";

// The cookie lives as long as a session may; the session's row decides when it really ends (session-lifetime.ts).
export const sessionMaxAgeSeconds = () => env().SESSION_MAX_HOURS * 60 * 60;

// Resolved lazily (it may be generated into .data/ on first start), then kept:
// the config is rebuilt on every auth() call.
let secret: string | undefined;

export function sessionSecret(): string {
  secret ??= authSecret();
  return secret;
}

function authConfig(): NextAuthConfig {
  return {
    secret: sessionSecret(),
    // Rolecall is self-hosted behind its own host name.
    trustHost: true,
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds(), updateAge: 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    logger: {
      // A failed sign-in is an expected outcome, not a server error: keep it
      // (and its stack) out of the logs. The audit log records sign-ins.
      error(error) {
        // By type, not name: the server build renames classes.
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        // next-auth wraps the real failure (a database error, say) in cause.err.
        const cause = (error as { cause?: { err?: unknown } }).cause?.err;
        console.error(`[auth] ${error.name}`, cause ?? error);
      },
    },
    providers: [
      Credentials({
        // Only a proof that every step of signing in passed (lib/auth/sign-in-proof.ts), never a password.
        credentials: { proof: {} },
        async authorize(raw, request) {
          const identity = await redeemSignInProof((raw as { proof?: unknown } | undefined)?.proof, requestOriginOf(request.headers));
          return identity ? { id: identity.id, sessionVersion: identity.sessionVersion, sessionId: identity.sessionId } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (!user) return token;
        // A fresh token on sign-in: nothing from the user object but identity
        // (no name, email or picture), so it never goes stale or leaks.
        return {
          sub: user.id,
          sessionVersion: user.sessionVersion,
          sid: user.sessionId,
          signedInAt: Math.floor(Date.now() / 1000),
        };
      },
      session({ session, token }) {
        return {
          expires: session.expires,
          userId: token.sub ?? "",
          sessionVersion: token.sessionVersion ?? 0,
          signedInAt: token.signedInAt ?? 0,
        } as typeof session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
