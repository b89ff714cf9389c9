import "next-auth";
import "next-auth/jwt";

// The token holds identity and session facts only — never roles or
// permissions, which are read from the database on every request.
declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
  interface Session {
    userId: string;
    sessionVersion: number;
    signedInAt: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    signedInAt?: number;
    // The session's row (db/schema/sessions.ts): idle and absolute timeouts, signing out.
    sid?: string;
  }
}
