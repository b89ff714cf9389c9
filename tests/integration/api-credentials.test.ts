import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { DEMO_PASSWORD, seedDemoData } from "@/db/seed";
import { accounts, apiCredentials, auditEvents, memberships, users } from "@/db/schema";
import { createApiCredential, revokeApiCredential } from "@/lib/api/credentials";
import { hashPassword } from "@/lib/auth/password";
import { inTransaction, membershipOf, reachingAccessAs, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const { GET: listUsers, POST: inviteUser } = await import("@/app/api/v1/users/route");
const { GET: getUser, PATCH: changeUser, DELETE: deleteUser } = await import("@/app/api/v1/users/[membershipId]/route");
const { POST: resendInvitation } = await import("@/app/api/v1/users/[membershipId]/invitation/route");
const { POST: token } = await import("@/app/api/oauth/token/route");
const { GET: openApi } = await import("@/app/api/v1/openapi.json/route");

const database = useTestDatabase();
const secrets: string[] = [];

beforeAll(async () => {
  await seedDemoData();
  // A second network, with a member of its own, that Acme's credentials must never see.
  const [orbit] = await db().insert(accounts).values({ name: "Orbit Network", slug: "orbit", type: "network", products: ["marketing"] }).returning();
  const [person] = await db().insert(users).values({ email: "pilot@orbit.test", name: "Orbit Pilot", passwordHash: await hashPassword(DEMO_PASSWORD) }).returning();
  await db().insert(memberships).values({ userId: person!.id, accountId: orbit!.id, role: "member", licenses: ["marketing"] });
});
afterEach(() => vi.useRealTimers());

async function credentialOf(email: string, slug = "acme") {
  // The access is read before the transaction: PGlite is one connection, which the transaction holds.
  const access = await reachingAccessAs(email, slug);
  const created = await inTransaction((tx) => createApiCredential(tx, access, `${email} integration`));
  secrets.push(created.secret, created.clientId);
  return created;
}

const call = (path: string, bearer?: string, init: RequestInit = {}) =>
  new Request(`http://localhost${path}`, { ...init, headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(init.headers ?? {}) } });
const withId = (membershipId: string) => ({ params: Promise.resolve({ membershipId }) });
const codeOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

async function exchange(clientId: string, clientSecret: string, grantType = "client_credentials") {
  return token(
    new Request("http://localhost/api/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.9" },
      body: new URLSearchParams({ grant_type: grantType, client_id: clientId, client_secret: clientSecret }),
    }),
  );
}

describe(`the users API (${database.driver})`, () => {
  it("lists and finds the account's users with a credential's secret, as its creator would see them", async () => {
    const { secret } = await credentialOf("manager@acme.test");
    const response = await listUsers(call("/api/v1/users?role=observer", secret));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: Array<{ email: string; id: string }>; next: string | null };
    expect(body.data.map((user) => user.email)).toEqual(["observer@acme.test"]);
    const one = await getUser(call(`/api/v1/users/${body.data[0]!.id}`, secret), withId(body.data[0]!.id));
    expect(await one.json()).toMatchObject({ email: "observer@acme.test", role: "observer" });
  });

  it("answers a missing, unknown or malformed credential with 401 and a stable code", async () => {
    expect(await codeOf(await listUsers(call("/api/v1/users")))).toBe("unauthenticated");
    const unknown = await listUsers(call("/api/v1/users", "rcs_not-a-real-secret"));
    expect(unknown.status).toBe(401);
    expect(await codeOf(unknown)).toBe("invalid_token");
    expect((await listUsers(call("/api/v1/users", "eyJ.not.a-token"))).status).toBe(401);
  });

  it("refuses a bad query parameter with 400, naming it", async () => {
    const { secret } = await credentialOf("superuser@acme.test");
    const response = await listUsers(call("/api/v1/users?role=emperor&sort=chaos", secret));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_request", message: expect.stringContaining("role, sort") } });
  });

  it("lets a Manager's credential do no more than a Manager: no deleting (403), no other network's users (404)", async () => {
    const { secret } = await credentialOf("manager@acme.test");
    const member = await membershipOf("member@acme.test", "acme");
    const refused = await deleteUser(call(`/api/v1/users/${member.id}`, secret, { method: "DELETE" }), withId(member.id));
    expect(refused.status).toBe(403);
    expect(await codeOf(refused)).toBe("forbidden");
    expect(await db().select().from(memberships).where(eq(memberships.id, member.id))).toHaveLength(1);

    const outsider = await membershipOf("pilot@orbit.test", "orbit");
    const hidden = await getUser(call(`/api/v1/users/${outsider.id}`, secret), withId(outsider.id));
    expect(hidden.status).toBe(404);
    expect(await codeOf(hidden)).toBe("not_found");
    expect((await getUser(call("/api/v1/users/not-a-uuid", secret), withId("not-a-uuid"))).status).toBe(404);
  });

  it("deletes as a Super User's credential does, with an audit entry naming the credential", async () => {
    const { id, secret } = await credentialOf("superuser@acme.test");
    const reporting = await membershipOf("reporting@acme.test", "acme");
    const response = await deleteUser(call(`/api/v1/users/${reporting.id}`, secret, { method: "DELETE" }), withId(reporting.id));
    expect(response.status).toBe(204);
    const [entry] = await db().select().from(auditEvents).where(eq(auditEvents.targetId, reporting.id));
    expect(entry).toMatchObject({ action: "member.deleted", actorUserId: await userIdOf("superuser@acme.test"), actorCredentialId: id });
  });

  it("stops a credential at once when its creator is deleted, deactivated or loses the right, or it is revoked", async () => {
    const { secret } = await credentialOf("manager@acme.test");
    expect((await listUsers(call("/api/v1/users", secret))).status).toBe(200);
    // Demoted below Manager: may no longer manage credentials, so theirs stop.
    await db().update(memberships).set({ role: "member" }).where(eq(memberships.id, (await membershipOf("manager@acme.test", "acme")).id));
    expect((await listUsers(call("/api/v1/users", secret))).status).toBe(401);
    await db().update(memberships).set({ role: "manager" }).where(eq(memberships.id, (await membershipOf("manager@acme.test", "acme")).id));
    expect((await listUsers(call("/api/v1/users", secret))).status).toBe(200);

    // Revoked.
    const revocable = await credentialOf("superuser@acme.test");
    const admin = await reachingAccessAs("superuser@acme.test", "acme");
    await inTransaction((tx) => revokeApiCredential(tx, admin, revocable.id));
    expect((await listUsers(call("/api/v1/users", revocable.secret))).status).toBe(401);

    // The creator deleted (their person and memberships go): 401 on the next call.
    const [temp] = await db().insert(users).values({ email: "temp.manager@acme.test", name: "Temp" }).returning();
    await db().insert(memberships).values({ userId: temp!.id, accountId: (await db().select().from(accounts).where(eq(accounts.slug, "acme")))[0]!.id, role: "manager", licenses: ["marketing"] });
    const theirs = await credentialOf("temp.manager@acme.test");
    expect((await listUsers(call("/api/v1/users", theirs.secret))).status).toBe(200);
    await db().update(memberships).set({ status: "deactivated" }).where(eq(memberships.userId, temp!.id));
    expect((await listUsers(call("/api/v1/users", theirs.secret))).status).toBe(401);
    await db().delete(users).where(eq(users.id, temp!.id));
    expect((await listUsers(call("/api/v1/users", theirs.secret))).status).toBe(401);
  });
});

const sendJson = (path: string, bearer: string, method: string, body: unknown) =>
  call(path, bearer, { method, headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe(`changing users through the API (${database.driver})`, () => {
  it("invites, resends, changes access, deactivates and reactivates as the UI does, with the same checks", async () => {
    const { secret } = await credentialOf("superuser@acme.test");
    const invited = await inviteUser(sendJson("/api/v1/users", secret, "POST", { email: "api.invitee@example.com", name: "Api Invitee", role: "observer", licenses: ["marketing"] }));
    expect(invited.status).toBe(201);
    const user = (await invited.json()) as { id: string; status: string; version: number };
    expect(user).toMatchObject({ status: "invited" });
    const again = await inviteUser(sendJson("/api/v1/users", secret, "POST", { email: "api.invitee@example.com", name: "Api Invitee", role: "observer", licenses: ["marketing"] }));
    expect(again.status).toBe(409);

    expect((await resendInvitation(call(`/api/v1/users/${user.id}/invitation`, secret, { method: "POST" }), withId(user.id))).status).toBe(200);

    const manager = await membershipOf("manager@acme.test", "acme");
    const promoted = await changeUser(sendJson(`/api/v1/users/${manager.id}`, secret, "PATCH", { role: "super_user" }), withId(manager.id));
    expect(promoted.status).toBe(200);
    const changed = (await promoted.json()) as { role: string; version: number };
    expect(changed.role).toBe("super_user");
    // A stale version is refused; the current one works.
    expect((await changeUser(sendJson(`/api/v1/users/${manager.id}`, secret, "PATCH", { role: "manager", version: changed.version - 1 }), withId(manager.id))).status).toBe(409);
    expect((await changeUser(sendJson(`/api/v1/users/${manager.id}`, secret, "PATCH", { role: "manager", version: changed.version }), withId(manager.id))).status).toBe(200);

    const observer = await membershipOf("observer@acme.test", "acme");
    const off = await changeUser(sendJson(`/api/v1/users/${observer.id}`, secret, "PATCH", { status: "deactivated" }), withId(observer.id));
    expect(await off.json()).toMatchObject({ status: "deactivated" });
    await changeUser(sendJson(`/api/v1/users/${observer.id}`, secret, "PATCH", { status: "active" }), withId(observer.id));
  });

  it("refuses bad bodies with 400 naming the fields, and a Manager granting beyond their own role with 409", async () => {
    const { secret } = await credentialOf("superuser@acme.test");
    const observer = await membershipOf("observer@acme.test", "acme");
    const cases: Array<[unknown, number]> = [
      ["{not json", 400],
      [{}, 400],
      [{ role: "emperor" }, 400],
      [{ role: "member", extra: true }, 400],
      [{ licenses: [] }, 400],
    ];
    for (const [body, status] of cases) {
      const response = await changeUser(sendJson(`/api/v1/users/${observer.id}`, secret, "PATCH", body), withId(observer.id));
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(await codeOf(response)).toBe("invalid_request");
    }
    const wrongType = await inviteUser(call("/api/v1/users", secret, { method: "POST", body: "email=x" }));
    expect(wrongType.status).toBe(415);
    const badEmail = await inviteUser(sendJson("/api/v1/users", secret, "POST", { email: "not-an-email", name: "X", role: "member", licenses: ["marketing"] }));
    expect(await badEmail.json()).toMatchObject({ error: { code: "invalid_request", fields: { email: expect.any(String) } } });

    const asManager = await credentialOf("manager@acme.test");
    const escalation = await inviteUser(sendJson("/api/v1/users", asManager.secret, "POST", { email: "boss@example.com", name: "Boss", role: "super_user", licenses: ["marketing"] }));
    expect(escalation.status).toBe(409);
  });
});

describe(`the OAuth token endpoint (${database.driver})`, () => {
  it("exchanges a client id and secret for an hour's bearer token, and refuses anything else as RFC 6749 says", async () => {
    const { clientId, secret } = await credentialOf("manager@acme.test");
    const granted = await exchange(clientId, secret);
    expect(granted.status).toBe(200);
    expect(granted.headers.get("cache-control")).toBe("no-store");
    const { access_token: accessToken, token_type: tokenType, expires_in: expiresIn } = (await granted.json()) as { access_token: string; token_type: string; expires_in: number };
    secrets.push(accessToken);
    expect([tokenType, expiresIn]).toEqual(["Bearer", 3600]);
    expect((await listUsers(call("/api/v1/users", accessToken))).status).toBe(200);

    expect(await (await exchange(clientId, `${secret}x`)).json()).toMatchObject({ error: "invalid_client" });
    expect((await exchange(clientId, secret, "password")).status).toBe(400);
    expect(await (await exchange(clientId, secret, "password")).json()).toMatchObject({ error: "unsupported_grant_type" });
    const noBody = await token(new Request("http://localhost/api/oauth/token", { method: "POST" }));
    expect(await noBody.json()).toMatchObject({ error: "invalid_request" });

    // An hour later the token is spent; the credential itself still works.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61 * 60_000);
    expect((await listUsers(call("/api/v1/users", accessToken))).status).toBe(401);
    expect((await listUsers(call("/api/v1/users", secret))).status).toBe(200);
  });

  it("records each credential's creation, first use (once) and revocation, with no secret or token in the log", async () => {
    const { id, secret } = await credentialOf("superuser@acme.test");
    await listUsers(call("/api/v1/users", secret));
    await listUsers(call("/api/v1/users", secret));
    const admin = await reachingAccessAs("superuser@acme.test", "acme");
    await inTransaction((tx) => revokeApiCredential(tx, admin, id));
    const entries = await db().select().from(auditEvents).where(eq(auditEvents.targetId, id));
    expect(entries.map((entry) => entry.action).sort()).toEqual(["credential.created", "credential.first_used", "credential.revoked"]);
    const [stored] = await db().select().from(apiCredentials).where(eq(apiCredentials.id, id));
    expect(stored!.secretHash).not.toContain(secret);
    const log = JSON.stringify(await db().select().from(auditEvents));
    for (const value of secrets.filter((value) => value.startsWith("rcs_") || value.startsWith("ey"))) expect(log).not.toContain(value);
  });

  it("describes the API in an OpenAPI document made from its schemas", async () => {
    const document = (await (await openApi()).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: { User: { properties: Record<string, unknown> } } } };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(["/users", "/users/{id}", "/users/{id}/invitation"]);
    expect(Object.keys(document.components.schemas.User.properties)).toEqual(expect.arrayContaining(["id", "email", "role", "licenses", "status"]));
  });
});
