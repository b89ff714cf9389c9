import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/sign-in";

async function locationsShown(page: Page): Promise<Set<string>> {
  const table = page.getByRole("table");
  const headers = await table.locator("thead th").allTextContents();
  const column = headers.indexOf("Location");
  const cells = await table.locator(`tbody tr td:nth-child(${column + 1})`).allTextContents();
  return new Set(cells);
}

test("a Filtered Reporting member sees only the calls their filter allows, on every page", async ({ page }) => {
  await signInAs(page, "filtered@acme.test");
  await page.getByRole("link", { name: "Calls" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Calls" })).toBeVisible();
  await expect(page.getByText("Your access shows calls where location is Denver.")).toBeVisible();
  expect(await locationsShown(page)).toEqual(new Set(["Denver"]));
  await page.getByRole("link", { name: "Older calls" }).click();
  await expect(page).toHaveURL(/after=/);
  // Rendered only on later pages: the new page is on screen, not just in the URL.
  await expect(page.getByRole("link", { name: "Newest calls" })).toBeVisible();
  expect(await locationsShown(page)).toEqual(new Set(["Denver"]));
});

test("a Reporting member sees all of Acme's calls, from every account", async ({ page }) => {
  await signInAs(page, "reporting@acme.test");
  await page.goto("/a/acme/reports/calls");
  expect((await locationsShown(page)).size).toBeGreaterThan(1);
  await expect(page.getByRole("columnheader", { name: "Account" })).toBeVisible();
});

test("a malformed page link says so and shows the newest calls", async ({ page }) => {
  await signInAs(page, "reporting@acme.test");
  const response = await page.goto("/a/acme/reports/calls?after=%27%3Bdrop%20table");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("That page link is not valid.")).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
});
