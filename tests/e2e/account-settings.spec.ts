import { expect, test } from "@playwright/test";
import { signInAs, switcherFor } from "./support/sign-in";

test("a Super User renames an account and the header follows", async ({ page }) => {
  await signInAs(page, "superuser@acme.test");
  await page.goto("/a/callflow-media/settings/account");
  const name = page.getByLabel("Account name");
  await expect(name).toHaveValue("CallFlow Media");
  await name.fill("X");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("An account name has at least 2 characters.")).toBeVisible();
  await name.fill("CallFlow Media Group");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Account information saved." })).toBeVisible();
  await page.reload();
  await expect(switcherFor(page, "CallFlow Media Group")).toBeVisible();
  // Put it back for the other tests.
  await page.getByLabel("Account name").fill("CallFlow Media");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Account information saved." })).toBeVisible();
});

test("the holder sees the ownership section, and who could take it over", async ({ page }) => {
  await signInAs(page, "admin@bright-dental.test");
  await page.goto("/a/bright-dental/settings/account");
  await expect(page.getByRole("heading", { name: "Ownership" })).toBeVisible();
  await expect(page.getByText("Make someone a Super User first.")).toBeVisible();
});

test("a Super User who is not the holder sees no ownership section", async ({ page }) => {
  await signInAs(page, "superuser@acme.test");
  await page.goto("/a/bright-dental/settings/account");
  await expect(page.getByLabel("Account name")).toHaveValue("Bright Dental");
  await expect(page.getByRole("heading", { name: "Ownership" })).toHaveCount(0);
});

test("a Manager gets 403 on account settings", async ({ page }) => {
  await signInAs(page, "manager@acme.test");
  const response = await page.goto("/a/acme/settings/account");
  expect(response?.status()).toBe(403);
});
