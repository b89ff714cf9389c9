import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { DEMO_PASSWORD, signInAs, submitSignIn } from "./support/sign-in";

// member@acme.test (Jordan Patel, Member of Acme Network) belongs to the
// password specs; every test leaves them as it found them.
const PERSON = "member@acme.test";
const NEW_PASSWORD = "violet harbour lantern";

async function openProfile(page: Page) {
  await signInAs(page, PERSON);
  await page.getByRole("button", { name: /account menu/i }).click();
  await page.getByRole("menuitem", { name: "Your profile" }).click();
  await expect(page).toHaveURL("/profile");
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
}

async function changePassword(page: Page, current: string, next: string, repeat = next) {
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Repeat the new password").fill(repeat);
  await page.getByRole("button", { name: "Change password" }).click();
}

test("signed-out visitors sign in first and come back to their profile", async ({ page }) => {
  await page.goto("/profile");
  await expect(page).toHaveURL("/sign-in?callbackUrl=%2Fprofile");
  await submitSignIn(page, PERSON);
  await expect(page).toHaveURL("/profile");
});

test("the profile lists the person's accounts and passes axe", async ({ page }) => {
  await openProfile(page);
  await expectNoAxeViolations(page);
  const accounts = page.getByRole("region", { name: "Your accounts" });
  await expect(accounts.getByRole("listitem")).toHaveCount(1);
  await expect(accounts.getByRole("listitem")).toContainText("Member");
  await accounts.getByRole("link", { name: "Acme Network" }).click();
  await expect(page).toHaveURL("/a/acme");
});

test("a name is checked in place, then saved for every page", async ({ page }) => {
  await openProfile(page);
  const name = page.getByRole("textbox", { name: "Name" });
  const save = page.getByRole("button", { name: "Save name" });

  await name.fill("");
  await save.click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await name.fill("x".repeat(10_240));
  await save.click();
  await expect(page.getByText("A name has at most 200 characters.")).toBeVisible();
  await page.reload();
  await expect(name).toHaveValue("Jordan Patel");

  await name.fill("  Jordan Patel-Smith ");
  await save.click();
  await expect(page.getByRole("status").filter({ hasText: "Name saved." })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Jordan Patel-Smith");

  await name.fill("Jordan Patel");
  await save.click();
  await expect(page.getByRole("status").filter({ hasText: "Name saved." })).toBeVisible();
  await expect(page.getByRole("banner")).not.toContainText("Patel-Smith");
});

test("changing the password keeps this session and ends the others", async ({ page, browser }) => {
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInAs(other, PERSON);
  await openProfile(page);

  await changePassword(page, "not my password", NEW_PASSWORD);
  await expect(page.getByText("Your current password is not correct.")).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  await changePassword(page, DEMO_PASSWORD, "1q2w3e4r5t6y");
  await expect(page.getByText("This password is too common. Choose one that is harder to guess.")).toBeVisible();
  await changePassword(page, DEMO_PASSWORD, NEW_PASSWORD, "something else entirely");
  await expect(page.getByText("The two passwords do not match.")).toBeVisible();

  await changePassword(page, DEMO_PASSWORD, NEW_PASSWORD);
  await expect(page.getByText(/^Password changed\. You stay signed in here/)).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveValue("");

  // This browser carries on; the other one is signed out on its next request.
  await page.goto("/a/acme");
  await expect(page.getByRole("button", { name: /: switch account$/ })).toBeVisible();
  await other.goto("/a/acme");
  await expect(other).toHaveURL(/\/sign-in/);
  await otherContext.close();

  await page.goto("/profile");
  await changePassword(page, NEW_PASSWORD, DEMO_PASSWORD);
  await expect(page.getByText(/^Password changed/)).toBeVisible();
});

test("signing out everywhere else refuses the other browser's old cookie and keeps this one", async ({ page, browser }) => {
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInAs(other, PERSON);
  const oldCookies = await otherContext.cookies();
  await openProfile(page);

  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByText("Every other session is signed out. This browser stays signed in.")).toBeVisible();

  await page.goto("/a/acme");
  await expect(page.getByRole("button", { name: /: switch account$/ })).toBeVisible();
  await other.goto("/a/acme");
  await expect(other).toHaveURL(/\/sign-in/);
  // The old cookie, sent again as it was, is refused too.
  const replay = await browser.newContext();
  await replay.addCookies(oldCookies);
  const replayed = await replay.newPage();
  await replayed.goto("/profile");
  await expect(replayed).toHaveURL(/\/sign-in/);
  await Promise.all([otherContext.close(), replay.close()]);
});

test("preferences are kept, and the start page is where / leads", async ({ page }) => {
  await openProfile(page);
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByLabel("Date format").selectOption("DD/MM/YYYY");
  await page.getByLabel("Start page").selectOption({ label: "Calls report" });
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Preferences saved." })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await expect(page.getByLabel("Date format")).toHaveValue("DD/MM/YYYY");
  await page.goto("/");
  await expect(page).toHaveURL("/a/acme/reports/calls");
  // Times across the portal follow the chosen format and zone.
  const firstCallTime = page.getByRole("table").locator("time").first();
  await expect(firstCallTime).toHaveAttribute("title", /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  const iso = (await firstCallTime.getAttribute("datetime"))!;
  const berlin = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .format(new Date(iso))
    .replace(",", "");
  await expect(firstCallTime).toHaveAttribute("title", berlin);

  await page.goto("/profile");
  await page.getByLabel("Time zone").selectOption("");
  await page.getByLabel("Date format").selectOption("YYYY-MM-DD");
  await page.getByLabel("Start page").selectOption({ label: "Account overview" });
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Preferences saved." })).toBeVisible();
});

test("notification settings say per kind how to be told, and stay as saved", async ({ page }) => {
  await openProfile(page);
  const settings = page.getByRole("region", { name: "Notification settings" });
  const importByEmail = settings.getByRole("checkbox", { name: "Import finished: by email" });
  const acceptedByEmail = settings.getByRole("checkbox", { name: "Invitation accepted: by email" });
  await expect(importByEmail).toBeChecked();
  await expect(acceptedByEmail).not.toBeChecked();

  await importByEmail.uncheck();
  await acceptedByEmail.check();
  await settings.getByRole("button", { name: "Save notification settings" }).click();
  await expect(settings.getByRole("status").filter({ hasText: "Notification settings saved." })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(importByEmail).not.toBeChecked();
  await expect(acceptedByEmail).toBeChecked();

  // Back as they were, for the other tests.
  await importByEmail.check();
  await acceptedByEmail.uncheck();
  await settings.getByRole("button", { name: "Save notification settings" }).click();
  await expect(settings.getByRole("status").filter({ hasText: "Notification settings saved." })).toBeVisible();
});
