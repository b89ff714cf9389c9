import { expect, test, type Page } from "@playwright/test";
import { signInAs, switcherFor } from "./support/sign-in";

async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
}

test.describe("an advertiser's admin", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "admin@bright-dental.test");
  });

  test("lands on their account and sees only it in the switcher", async ({ page }) => {
    await expect(page).toHaveURL("/a/bright-dental");
    await expect(page.getByRole("button", { name: "Account menu for Priya Shah" })).toBeVisible();
    await switcherFor(page, "Bright Dental").click();
    await expect(page.getByRole("option")).toHaveText(["Bright Dental"]);

    // "a" matches every demo account's name; only the reachable one may come back.
    const searched = page.waitForResponse((response) => response.url().endsWith("/api/accounts?q=a"));
    await page.getByPlaceholder("Search accounts…").fill("a");
    expect((await searched).ok()).toBe(true);
    await expect(page.getByRole("option")).toHaveText(["Bright Dental"]);
  });

  for (const path of ["/a/acme", "/a/summit-auto", "/a/acme/settings/users"]) {
    test(`gets 404 for ${path}, like an account that does not exist`, async ({ page }) => {
      await expectNotFound(page, path);
      await expect(page.getByText(/Acme|Summit/)).toHaveCount(0);
    });
  }

  test("cannot find other accounts through the search API", async ({ page }) => {
    const response = await page.request.get("/api/accounts?q=acme");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ groups: [] });
  });
});

test.describe("a super user", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "superuser@acme.test");
  });

  for (const path of ["/a/does-not-exist", "/a/NOT_A_SLUG", "/a/does-not-exist/settings/users"]) {
    test(`gets 404 for ${path}`, async ({ page }) => {
      await expectNotFound(page, path);
    });
  }

  test("reaches every child account through the network", async ({ page }) => {
    for (const [slug, name] of [["bright-dental", "Bright Dental"], ["summit-auto", "Summit Auto"], ["callflow-media", "CallFlow Media"]] as const) {
      const response = await page.goto(`/a/${slug}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    }
  });
});

test("signed-out visitors are sent to sign-in, even for accounts that do not exist", async ({ page }) => {
  await page.goto("/a/does-not-exist");
  await expect(page).toHaveURL("/sign-in?callbackUrl=%2Fa%2Fdoes-not-exist");
  const api = await page.request.get("/api/accounts");
  expect(api.status()).toBe(401);
});
