import "next-auth";
import "next-auth/jwt";

// The token holds identity and session facts only — never roles or
// permissions, which are read from the database on every request.
declare module "next-auth" {
  interface User {
    sessionVersion?: number;
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
    // Second-factor state joins here with two-factor sign-in.
  }
}
