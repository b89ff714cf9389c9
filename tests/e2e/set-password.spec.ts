import { expect, test } from "@playwright/test";

test("an unknown or used set-password link says so and offers the way back", async ({ page }) => {
  const response = await page.goto("/reset-password/not-a-real-token");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await expect(page.getByLabel("New password")).toHaveCount(0);
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await expect(page).toHaveURL("/sign-in");
});

test("an absurdly long token is refused without a database lookup error", async ({ page }) => {
  const response = await page.goto(`/reset-password/${"x".repeat(5000)}`);
  expect(response?.status()).toBeLessThan(500);
});
