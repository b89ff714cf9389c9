import { expect, test, type Page } from "@playwright/test";
import { signInAs, switcherFor } from "./support/sign-in";

function switcherPopover(page: Page) {
  return page.getByRole("dialog").filter({ has: page.getByPlaceholder("Search accounts…") });
}

test.beforeEach(async ({ page }) => {
  await signInAs(page, "superuser@acme.test");
});

test("lists every reachable account, grouped by type", async ({ page }) => {
  await switcherFor(page, "Acme Network").click();
  const popover = switcherPopover(page);
  await expect(popover.getByRole("option")).toHaveCount(4);
  await expect(popover.getByRole("group", { name: "Network" }).getByRole("option")).toHaveText(["Acme Network"]);
  await expect(popover.getByRole("group", { name: "Advertisers" }).getByRole("option")).toHaveText(["Bright Dental", "Summit Auto"]);
  await expect(popover.getByRole("group", { name: "Publishers" }).getByRole("option")).toHaveText(["CallFlow Media"]);
  await expect(popover.getByRole("option", { name: "Acme Network" }).getByLabel("Current account")).toBeVisible();
});

test("search narrows the list and says when nothing matches", async ({ page }) => {
  await switcherFor(page, "Acme Network").click();
  const popover = switcherPopover(page);
  const search = popover.getByPlaceholder("Search accounts…");
  await search.fill("sum");
  await expect(popover.getByRole("option")).toHaveText(["Summit Auto"]);
  await expect(popover.getByRole("group", { name: "Advertisers" })).toBeVisible();

  // A LIKE wildcard is searched for literally, not as "anything".
  await search.fill("%");
  await expect(popover.getByText("No accounts match “%”.")).toBeVisible();
  await expect(popover.getByRole("option")).toHaveCount(0);

  await search.fill("no-such-account");
  await expect(popover.getByRole("option")).toHaveCount(0);
  await expect(popover.getByText("No accounts match “no-such-account”.")).toBeVisible();

  await search.fill("");
  await expect(popover.getByRole("option")).toHaveCount(4);
});

test("switching keeps the current sub-page", async ({ page }) => {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL("/a/acme/settings/users");
  await switcherFor(page, "Acme Network").click();
  await switcherPopover(page).getByRole("option", { name: "Bright Dental" }).click();

  await expect(page).toHaveURL("/a/bright-dental/settings/users");
  await expect(switcherFor(page, "Bright Dental")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(page.getByText("People who can sign in to Bright Dental")).toBeVisible();
  await expect(switcherPopover(page)).toBeHidden();
});

test("works with the keyboard alone", async ({ page }) => {
  const trigger = switcherFor(page, "Acme Network");
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab");
  await expect(trigger).toBeFocused();

  await page.keyboard.press("Enter");
  const popover = switcherPopover(page);
  await expect(popover.getByPlaceholder("Search accounts…")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(trigger).toBeFocused();

  await page.keyboard.press("Enter");
  // "e" matches Acme Network, Bright Dental and CallFlow Media, but not Summit Auto.
  await page.keyboard.type("e");
  await expect(popover.getByRole("option")).toHaveText(["Acme Network", "Bright Dental", "CallFlow Media"]);
  await expect(popover.getByRole("option", { name: "Acme Network" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(popover.getByRole("option", { name: "Bright Dental" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL("/a/bright-dental");
  await expect(switcherFor(page, "Bright Dental")).toBeVisible();
});
