import { expect, type Page } from "@playwright/test";

/** The seeded demo password shared by every demo user (db/seed.ts). */
export const DEMO_PASSWORD = "rolecall-demo";

/** Fills the sign-in form on the current page and submits it. */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in from /sign-in (or the given sign-in URL) and waits until the portal has loaded. */
export async function signInAs(page: Page, email: string, { from = "/sign-in" } = {}) {
  await page.goto(from);
  await submitSignIn(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await expect(page.getByRole("button", { name: /: switch account$/ })).toBeVisible();
}

/** The header's account switcher trigger for the given current account. */
export function switcherFor(page: Page, accountName: string) {
  return page.getByRole("button", { name: new RegExp(`^${accountName} [A-Za-z]+: switch account$`) });
}
