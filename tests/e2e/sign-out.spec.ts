import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

test("signing out ends the session", async ({ page, context }) => {
  await signInAs(page, "superuser@acme.test");
  await page.getByRole("button", { name: "Account menu for Avery Stone" }).click();
  await expect(page.getByRole("menu")).toContainText("superuser@acme.test");
  await page.getByRole("menuitem", { name: "Sign out" }).click();

  await expect(page).toHaveURL("/sign-in?notice=signed-out");
  await expect(page.getByRole("status")).toHaveText("You are signed out.");
  const cookies = await context.cookies();
  expect(cookies.filter((cookie) => cookie.name.includes("session-token"))).toEqual([]);

  // Neither the back button nor a fresh visit shows the portal again.
  await page.goBack();
  await expect(page).toHaveURL("/sign-in?callbackUrl=%2Fa%2Facme");
  await page.goto("/a/acme");
  await expect(page).toHaveURL("/sign-in?callbackUrl=%2Fa%2Facme");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText("Avery Stone")).toHaveCount(0);
});
