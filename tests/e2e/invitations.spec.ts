import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { followLinkInEmail } from "./support/dev-mail";
import { signInAs } from "./support/sign-in";

const INVITEE = "new.person@example.com";
const INVITEE_PASSWORD = "quiet harbor lantern 42";

const rowOf = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text });

const openInviteLink = (page: Page, to: string) => followLinkInEmail(page, to, "/invite/");

test("a Super User invites a new person, who joins as an Observer and becomes a Manager without signing in again", async ({ page, browser }) => {
  await signInAs(page, "superuser@acme.test");
  await page.goto("/a/acme/settings/users");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "New", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a user" });
  await dialog.getByLabel("Email").fill(INVITEE);
  await dialog.getByLabel("Name").fill("New Person");
  await dialog.getByLabel("Role").selectOption({ label: "Observer" });
  await dialog.getByRole("checkbox", { name: "Contact Center" }).uncheck();
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText(`Invite sent to ${INVITEE}`)).toBeVisible();
  await expect(rowOf(page, INVITEE)).toContainText("Invited");

  // The invitee, in a browser of their own.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await openInviteLink(invitee, INVITEE);
  await expect(invitee.getByRole("heading", { name: "Join Acme Network" })).toBeVisible();
  await invitee.getByLabel("Your name").fill("New Person");
  await invitee.getByLabel("Choose a password").fill(INVITEE_PASSWORD);
  await invitee.getByRole("button", { name: "Set password and join" }).click();
  await expect(invitee).toHaveURL(/\/a\/acme/);
  await invitee.goto("/a/acme/settings/users");
  await expect(invitee.getByRole("table")).toBeVisible();
  await expect(invitee.getByRole("button", { name: "New", exact: true })).toHaveCount(0);

  // Back as the Super User: the row is active; make them a Manager.
  await page.reload();
  await expect(rowOf(page, INVITEE)).toContainText("Active");
  await rowOf(page, INVITEE).getByRole("button", { name: "Options for New Person" }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const editor = page.getByRole("dialog", { name: "Edit New Person" });
  await expect(editor).toBeVisible();
  await expectNoAxeViolations(page);
  await editor.getByLabel("Role").selectOption({ label: "Manager" });
  await expect(editor.getByText("Role: Observer → Manager")).toBeVisible();
  await editor.getByRole("button", { name: "Save permissions" }).click();
  await expect(page.getByText("New Person's access was saved")).toBeVisible();
  await expect(rowOf(page, INVITEE)).toContainText("Manager");

  // The new Manager's very next page load shows + New, with the same session.
  await invitee.reload();
  await expect(invitee.getByRole("button", { name: "New", exact: true })).toBeVisible();

  // Deleting them asks first, naming them; on their next request Acme is gone for them.
  await rowOf(page, INVITEE).getByRole("button", { name: "Options for New Person" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete New Person?" });
  await expect(confirm).toContainText("loses access to Acme Network");
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("New Person was removed from Acme Network.")).toBeVisible();
  await expect(rowOf(page, INVITEE)).toHaveCount(0);
  await invitee.reload();
  await expect(invitee.getByRole("heading", { name: "Page not found" }).or(invitee.getByRole("button", { name: "Sign in" }))).toBeVisible();
  await expect(invitee.getByRole("table")).toHaveCount(0);
  await inviteeContext.close();
});

test("an invitation link works once, and a used link says what to do", async ({ page, browser }) => {
  await signInAs(page, "superuser@acme.test");
  await page.goto("/a/acme/settings/users");
  await page.getByRole("button", { name: "New", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a user" });
  await dialog.getByLabel("Email").fill("once@example.com");
  await dialog.getByLabel("Name").fill("Once Only");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Invite sent to once@example.com")).toBeVisible();

  // Copy invite link issues a fresh link and kills the emailed one.
  await rowOf(page, "once@example.com").getByRole("button", { name: "Options for Once Only" }).click();
  await page.getByRole("menuitem", { name: "Copy invite link" }).click();
  const copied = await page.getByLabel(/Invite link/).inputValue();
  expect(copied).toContain("/invite/");
  await page.keyboard.press("Escape");

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await openInviteLink(visitor, "once@example.com");
  await expect(visitor.getByRole("heading", { name: "A newer invitation replaced this one" })).toBeVisible();
  await visitor.goto(copied);
  await visitor.getByLabel("Choose a password").fill("1qaz2wsx3edc");
  await visitor.getByRole("button", { name: "Set password and join" }).click();
  await expect(visitor.getByText("This password is too common. Choose one that is harder to guess.")).toBeVisible();
  await visitorContext.close();

  // Revoking asks first; the row goes.
  await rowOf(page, "once@example.com").getByRole("button", { name: "Options for Once Only" }).click();
  await page.getByRole("menuitem", { name: "Revoke invite" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke invite" }).click();
  await expect(page.getByText("The invitation for once@example.com was revoked.")).toBeVisible();
  await expect(rowOf(page, "once@example.com")).toHaveCount(0);
});

test("the invite dialog shows field errors and writes nothing for bad input", async ({ page }) => {
  await signInAs(page, "manager@acme.test");
  await page.goto("/a/acme/settings/users");
  await page.getByRole("button", { name: "New", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a user" });
  await expect(dialog.getByLabel("Role").locator("option")).toHaveText(["Filtered Reporting", "Reporting", "Observer", "Member", "Manager"]);
  await dialog.getByLabel("Email").fill("not an email");
  await dialog.getByRole("checkbox", { name: "Marketing" }).uncheck();
  await dialog.getByRole("checkbox", { name: "Contact Center" }).uncheck();
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByText("Enter a valid email address")).toBeVisible();
  await expect(dialog.getByText("Enter a name.")).toBeVisible();
  await expect(dialog.getByText("Choose at least one license.")).toBeVisible();
  await page.keyboard.press("Escape");
});
