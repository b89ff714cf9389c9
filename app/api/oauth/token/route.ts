import { timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { apiCredentials } from "@/db/schema";
import { ACCESS_TOKEN_SECONDS, credentialAccess, issueAccessToken } from "@/lib/api/authenticate";
import { attemptSucceeded, LIMITS, takeAttempt, tryAgainMessage } from "@/lib/auth/rate-limit";
import { hashToken } from "@/lib/auth/tokens";
import { requestOriginOf } from "@/lib/http/client-ip";

// OAuth 2.0 client-credentials grant (RFC 6749 §4.4): a credential's client id
// and secret, in HTTP Basic or the form body (§2.3.1), for a bearer access
// token that lives one hour. Errors as §5.2 says. Public: the secret is the
// credential, and wrong ones are counted per address.

const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };
const oauthError = (status: number, error: string, description: string, extra: Record<string, string> = {}) =>
  Response.json({ error, error_description: description }, { status, headers: { ...NO_STORE, ...extra } });

async function clientOf(request: Request): Promise<{ grantType?: string; clientId?: string; clientSecret?: string } | undefined> {
  const type = request.headers.get("content-type") ?? "";
  let body: Record<string, unknown> = {};
  try {
    if (type.includes("application/x-www-form-urlencoded")) body = Object.fromEntries(new URLSearchParams(await request.text()));
    else if (type.includes("application/json")) body = (await request.json()) as Record<string, unknown>;
    else return undefined;
  } catch {
    return undefined;
  }
  const text = (value: unknown) => (typeof value === "string" && value.length <= 512 ? value : undefined);
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (basic) {
    const [id, secret] = Buffer.from(basic, "base64").toString("utf8").split(":");
    return { grantType: text(body.grant_type), clientId: text(decodeURIComponent(id ?? "")), clientSecret: text(decodeURIComponent(secret ?? "")) };
  }
  return { grantType: text(body.grant_type), clientId: text(body.client_id), clientSecret: text(body.client_secret) };
}

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function POST(request: Request) {
  const client = await clientOf(request);
  if (!client) return oauthError(400, "invalid_request", "Send grant_type, client_id and client_secret as application/x-www-form-urlencoded (or JSON).");
  if (client.grantType !== "client_credentials") return oauthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
  if (!client.clientId || !client.clientSecret) return oauthError(400, "invalid_request", "client_id and client_secret are required.");

  const throttles = [{ rule: LIMITS.apiTokenPerIp, subject: requestOriginOf(request.headers).ip }];
  const attempt = await takeAttempt(throttles);
  if (!attempt.allowed) return oauthError(429, "invalid_request", tryAgainMessage(attempt.waitSeconds), { "retry-after": String(attempt.waitSeconds) });
  const [credential] = await db().select().from(apiCredentials).where(eq(apiCredentials.clientId, client.clientId));
  const valid = credential && !credential.revokedAt && sameHash(credential.secretHash, hashToken(client.clientSecret)) && (await credentialAccess(credential));
  if (!credential || !valid) return oauthError(401, "invalid_client", "Unknown client, wrong secret, or a credential that no longer works.", { "www-authenticate": 'Basic realm="rolecall"' });
  await attemptSucceeded([], throttles);
  return Response.json({ access_token: await issueAccessToken(credential.id), token_type: "Bearer", expires_in: ACCESS_TOKEN_SECONDS }, { headers: NO_STORE });
}
