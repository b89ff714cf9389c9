import { expect, test } from "@playwright/test";
import { signInAs, submitSignIn } from "./support/sign-in";

test("the holder closes a child account; only the network's Super Users can reopen it", async ({ page, browser }) => {
  await signInAs(page, "admin@bright-dental.test");
  await page.goto("/a/bright-dental/settings/account");
  const close = page.getByRole("button", { name: "Close Bright Dental" });
  await expect(close).toBeDisabled();
  await page.getByLabel("Type Bright Dental to confirm").fill("Bright Dental");
  await close.click();
  // Their only account is closed: they are out.
  await expect(page).toHaveURL(/\/sign-in/);
  await submitSignIn(page, "admin@bright-dental.test");
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();

  const network = await browser.newContext();
  const admin = await network.newPage();
  await signInAs(admin, "superuser@acme.test");
  await admin.goto("/a/bright-dental/settings/users");
  await expect(admin).toHaveURL("/a/bright-dental/settings/account");
  await expect(admin.getByRole("heading", { name: "This account is closed" })).toBeVisible();
  await admin.getByRole("button", { name: "Reopen Bright Dental" }).click();
  await expect(admin.getByLabel("Account name")).toHaveValue("Bright Dental");
  await network.close();

  await submitSignIn(page, "admin@bright-dental.test");
  await expect(page).toHaveURL("/a/bright-dental");
});
