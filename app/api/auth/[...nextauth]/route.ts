// Public by design: next-auth's own endpoints (CSRF token, session, sign-out).
import { handlers } from "@/lib/auth/config";

export const { GET, POST } = handlers;
