import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

test("the roles page shows the role × permission matrix for each license set", async ({ page }) => {
  await signInAs(page, "reporting@acme.test");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Roles" }).click();
  await expect(page).toHaveURL("/a/acme/settings/roles");
  await expect(page.getByRole("heading", { level: 1, name: "Roles" })).toBeVisible();

  const tabs = page.getByRole("tablist", { name: "Licenses" }).getByRole("tab");
  await expect(tabs).toHaveText(["Marketing + Contact Center", "Marketing", "Contact Center"]);

  const matrix = page.getByRole("tabpanel");
  const row = (name: string) => matrix.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
  await expect(matrix.locator("thead").getByRole("columnheader")).toHaveText([
    "Permission",
    "Filtered Reporting",
    "Reporting",
    "Observer",
    "Member",
    "Manager",
    "Super User",
  ]);
  // Invite users: Manager and Super User only, whatever the licenses.
  await expect(row("Invite users").getByLabel("Included", { exact: true })).toHaveCount(2);

  // Campaigns need Marketing: nobody edits them with Contact Center alone.
  await expect(row("Edit campaigns").getByLabel("Included", { exact: true })).toHaveCount(3);
  await tabs.filter({ hasText: /^Contact Center$/ }).click();
  await expect(row("Edit campaigns").getByLabel("Included", { exact: true })).toHaveCount(0);
  await expect(row("Comment on calls").getByLabel("Included", { exact: true })).toHaveCount(4);
  await expect(row("Close the account")).toContainText("Account holder only");
});

const SIDEBAR: Array<[string, string[]]> = [
  ["superuser@acme.test", ["Overview", "Calls", "Users", "Roles", "Access presets", "API credentials", "Audit log", "Account"]],
  ["observer@acme.test", ["Overview", "Calls", "Users", "Roles"]],
  ["reporting@acme.test", ["Overview", "Calls", "Roles"]],
  ["filtered@acme.test", ["Overview", "Calls", "Roles"]],
];

for (const [email, links] of SIDEBAR) {
  test(`${email} sees only the sidebar entries their permissions allow`, async ({ page }) => {
    await signInAs(page, email);
    await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link")).toHaveText(links);
  });
}

test("a member without the permission gets 403 on the users page, not the page", async ({ page }) => {
  await signInAs(page, "reporting@acme.test");
  const response = await page.goto("/a/acme/settings/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Users" })).toHaveCount(0);
});
