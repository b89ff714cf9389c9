import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { followLinkInEmail } from "./support/dev-mail";
import { DEMO_PASSWORD, signInAs, submitSignIn } from "./support/sign-in";

// member@acme.test is this file's own: no other spec signs in as them.
const PERSON = "member@acme.test";
const NEW_PASSWORD = "violet harbour lantern";
const SENT = "If an account exists for that address, we sent a link. It works for 1 hour.";

async function askForResetLink(page: Page, email: string) {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toHaveText(SENT);
}

test("the sign-in page leads to a form that answers the same for any address", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL("/forgot-password");
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Bad input stays in the form, next to the field.
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("Enter an email address.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/Enter a valid email address/)).toBeVisible();

  await askForResetLink(page, "nobody@acme.test");
  const unknownAnswer = await page.locator("main").innerText();
  await askForResetLink(page, PERSON);
  expect(await page.locator("main").innerText()).toBe(unknownAnswer);
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await expect(page).toHaveURL("/sign-in");
});

test("dead links say why and what to do next", async ({ page }) => {
  await page.goto("/reset-password/made-up-token");
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await page.getByRole("link", { name: "Request a new link" }).click();
  await expect(page).toHaveURL("/forgot-password");
});

test("a reset link sets a new password once, ends old sessions and leads back to sign-in", async ({ page, browser }) => {
  // A session from before the reset, in another browser.
  const earlierContext = await browser.newContext();
  const earlier = await earlierContext.newPage();
  await signInAs(earlier, PERSON);

  await askForResetLink(page, PERSON);
  const link = await followLinkInEmail(page, PERSON, "/reset-password/");
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(page.getByText(PERSON)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("New password").fill("1qaz2wsx3edc");
  await page.getByLabel("Repeat the password").fill("1qaz2wsx3edc");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("This password is too common. Choose one that is harder to guess.")).toBeVisible();

  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByLabel("Repeat the password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page).toHaveURL("/sign-in?notice=password-set");
  await expect(page.getByRole("status")).toHaveText("Your password is set. Sign in with it now.");

  await submitSignIn(page, PERSON, DEMO_PASSWORD);
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await submitSignIn(page, PERSON, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/a\/acme/);

  await earlier.goto("/a/acme");
  await expect(earlier).toHaveURL(/\/sign-in/);
  await earlierContext.close();

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link was already used" })).toBeVisible();

  // Leave the demo password as it was, for anyone signing in after this file.
  await page.goto("/profile");
  await page.getByLabel("Current password").fill(NEW_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel("Repeat the new password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/^Password changed/)).toBeVisible();
});
