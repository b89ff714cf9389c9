import { expect, test, type Browser, type Page } from "@playwright/test";
import { timeStep, totpCode } from "../../lib/auth/totp";
import { followLinkInEmail } from "./support/dev-mail";
import { signInAs, submitSignIn } from "./support/sign-in";

const PASSWORD = "orchid lantern meadow";
const rowOf = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text });

/** A Super User invites `email` into the account as a Member; returns the admin's page. */
async function invite(page: Page, email: string, name: string, slug = "acme") {
  await signInAs(page, "superuser@acme.test");
  await page.goto(`/a/${slug}/settings/users`);
  await page.getByRole("button", { name: "New", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a user" });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Role").selectOption({ label: "Member" });
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText(`Invite sent to ${email}`)).toBeVisible();
}

/** The invitee accepts in a browser of their own, choosing PASSWORD. */
async function accept(browser: Browser, email: string, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await followLinkInEmail(page, email, "/invite/");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Choose a password").fill(PASSWORD);
  await page.getByRole("button", { name: "Set password and join" }).click();
  return { context, page };
}

/** The key shown for manual entry, and a code of the app for now (plus `ahead` steps). */
async function codeFor(page: Page, ahead = 0): Promise<{ secret: string; code: string }> {
  const secret = (await page.getByTestId("manual-key").textContent())!.replace(/\s/g, "");
  return { secret, code: totpCode(secret, timeStep(new Date()) + ahead) };
}

async function signInWithPassword(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await submitSignIn(page, email, PASSWORD);
  await expect(page).toHaveURL("/sign-in/two-factor");
  return { context, page };
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

async function openSecurityTab(page: Page, email: string, name: string) {
  await page.goto("/a/acme/settings/users");
  await rowOf(page, email).getByRole("button", { name: `Options for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const editor = page.getByRole("dialog", { name: `Edit ${name}` });
  await editor.getByRole("tab", { name: "Security" }).click();
  return editor;
}

test("a person sets up two-factor sign-in, then signs in with a code; a used code or recovery code is refused", async ({ page, browser }) => {
  const email = "two.factor@example.com";
  await invite(page, email, "Tess Factor");
  const person = await accept(browser, email, "Tess Factor");
  await expect(person.page).toHaveURL(/\/a\/acme/);

  await person.page.goto("/profile");
  const section = person.page.getByRole("region", { name: "Two-factor sign-in" });
  await section.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await section.getByLabel("Current password").fill("not my password");
  await section.getByRole("button", { name: "Continue" }).click();
  await expect(section.getByText("Your current password is not correct.")).toBeVisible();
  await section.getByLabel("Current password").fill(PASSWORD);
  await section.getByRole("button", { name: "Continue" }).click();
  await expect(person.page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await person.page.getByLabel("Code from the app").fill("000000");
  await person.page.getByRole("button", { name: "Turn on" }).click();
  await expect(person.page.getByText("That code is not right.")).toBeVisible();
  const { secret, code } = await codeFor(person.page);
  await person.page.getByLabel("Code from the app").fill(code);
  await person.page.getByRole("button", { name: "Turn on" }).click();
  const listed = person.page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(listed).toHaveCount(10);
  const codes = await listed.allTextContents();
  await person.page.getByRole("button", { name: "Done" }).click();
  await expect(person.page.getByText("10 recovery codes are left.")).toBeVisible();
  await person.context.close();

  // The password alone is not enough; the next code of the app is.
  const first = await signInWithPassword(browser, email);
  const next = totpCode(secret, timeStep(new Date()) + 1);
  await enterCode(first.page, next);
  await expect(first.page).toHaveURL(/\/a\/acme/);
  await first.context.close();

  // The same code again is refused; a recovery code works, once.
  const second = await signInWithPassword(browser, email);
  await enterCode(second.page, next);
  await expect(second.page.getByRole("alert").filter({ hasText: "That code is not right" })).toBeVisible();
  await enterCode(second.page, codes[0]!);
  await expect(second.page).toHaveURL(/\/a\/acme/);
  await second.context.close();

  const third = await signInWithPassword(browser, email);
  await enterCode(third.page, codes[0]!);
  await expect(third.page.getByRole("alert").filter({ hasText: "That code is not right" })).toBeVisible();
  await third.context.close();
});

test("a member required to use two-factor sets it up while joining, and a Super User's reset makes them set it up again", async ({ page, browser }) => {
  const email = "required.factor@example.com";
  const name = "Reid Factor";
  await invite(page, email, name);
  const security = await openSecurityTab(page, email, name);
  await security.getByLabel("For this member").selectOption("required");
  await security.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`${name} must now use two-factor sign-in.`)).toBeVisible();

  // Accepting leads straight to the setup, before anything else.
  const person = await accept(browser, email, name);
  await expect(person.page).toHaveURL("/sign-in/two-factor");
  await expect(person.page.getByText("requires two-factor sign-in")).toBeVisible();
  await person.page.goto("/a/acme");
  await expect(person.page).toHaveURL(/\/sign-in/);
  await person.page.goto("/sign-in/two-factor");
  const { code } = await codeFor(person.page);
  await person.page.getByLabel("Code from the app").fill(code);
  await person.page.getByRole("button", { name: "Turn on and continue" }).click();
  await expect(person.page.getByRole("list", { name: "Recovery codes" })).toBeVisible();
  await person.page.getByRole("button", { name: "I saved them — continue" }).click();
  await expect(person.page).toHaveURL(/\/a\/acme/);

  // The admin resets it (a lost phone): the person is signed out and sets it up again.
  await page.keyboard.press("Escape");
  const again = await openSecurityTab(page, email, name);
  await again.getByRole("button", { name: "Reset 2FA" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Reset 2FA" }).click();
  await expect(page.getByText(`${name}'s two-factor sign-in was reset.`)).toBeVisible();
  await person.page.reload();
  await expect(person.page).toHaveURL(/\/sign-in/);
  await person.context.close();

  const back = await browser.newContext();
  const returning = await back.newPage();
  await returning.goto("/sign-in");
  await submitSignIn(returning, email, PASSWORD);
  await expect(returning).toHaveURL("/sign-in/two-factor");
  await expect(returning.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await back.close();
});

test("an account that requires two-factor sign-in has its invitees set it up as they join", async ({ page, browser }) => {
  const email = "publisher.factor@example.com";
  await invite(page, email, "Pia Factor", "callflow-media");
  await page.goto("/a/callflow-media/settings/account");
  const section = page.getByRole("region", { name: "Two-factor sign-in" });
  const requireIt = async (on: boolean) => {
    await section.getByLabel("Require two-factor sign-in for everyone").setChecked(on);
    await section.getByRole("button", { name: "Save two-factor setting" }).click();
    await expect(section.getByText("Saved.")).toBeVisible();
  };
  await requireIt(true);
  try {
    const person = await accept(browser, email, "Pia Factor");
    await expect(person.page).toHaveURL("/sign-in/two-factor");
    await expect(person.page.getByText("requires two-factor sign-in")).toBeVisible();
    const { code } = await codeFor(person.page);
    await person.page.getByLabel("Code from the app").fill(code);
    await person.page.getByRole("button", { name: "Turn on and continue" }).click();
    await person.page.getByRole("button", { name: "I saved them — continue" }).click();
    await expect(person.page).toHaveURL(/\/a\/callflow-media/);
    await person.context.close();
  } finally {
    await page.reload();
    await requireIt(false);
  }
});
