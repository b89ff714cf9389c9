import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInAs } from "./support/sign-in";

test("a Manager creates an API credential, an integration uses it, and revoking it stops it", async ({ page, request }) => {
  await signInAs(page, "manager@acme.test");
  await page.getByRole("link", { name: "API credentials" }).click();
  await expect(page).toHaveURL("/a/acme/settings/api-credentials");
  await page.getByRole("button", { name: "Create credential" }).click();
  await expect(page.getByText("Describe what it is for")).toBeVisible();
  await page.getByLabel("What it is for").fill("CRM sync");
  await page.getByRole("button", { name: "Create credential" }).click();
  await expect(page.getByText("Copy the secret now: it is not shown again.")).toBeVisible();
  const secret = (await page.getByTestId("client-secret").textContent())!;
  const clientId = (await page.getByTestId("client-id").textContent())!;
  expect(secret).toMatch(/^rcs_/);
  await expectNoAxeViolations(page);

  // The integration: the secret as a bearer key, or exchanged for an access token.
  const listed = await request.get("/api/v1/users?role=observer", { headers: { authorization: `Bearer ${secret}` } });
  expect(listed.status()).toBe(200);
  expect(((await listed.json()) as { data: Array<{ email: string }> }).data.map((user) => user.email)).toEqual(["observer@acme.test"]);
  const granted = await request.post("/api/oauth/token", { form: { grant_type: "client_credentials", client_id: clientId, client_secret: secret } });
  const { access_token: accessToken } = (await granted.json()) as { access_token: string };
  expect((await request.get("/api/v1/users", { headers: { authorization: `Bearer ${accessToken}` } })).status()).toBe(200);
  expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);

  // The list shows it used, with only the secret's first characters; revoking it stops both.
  await page.reload();
  const row = page.getByRole("row").filter({ hasText: "CRM sync" });
  await expect(row).toContainText(secret.slice(0, 12));
  await expect(row).not.toContainText(secret);
  await row.getByRole("button", { name: "Revoke CRM sync" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("CRM sync was revoked.")).toBeVisible();
  expect((await request.get("/api/v1/users", { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(401);
  expect((await request.get("/api/v1/users", { headers: { authorization: `Bearer ${accessToken}` } })).status()).toBe(401);
});

test("people below Manager have no API credentials page", async ({ page }) => {
  await signInAs(page, "observer@acme.test");
  await expect(page.getByRole("link", { name: "API credentials" })).toHaveCount(0);
  expect((await page.goto("/a/acme/settings/api-credentials"))?.status()).toBe(403);
});
