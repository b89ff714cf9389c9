import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// The names in the table, as a retrying assertion: the filter form navigates client-side.
const expectRows = (page: import("@playwright/test").Page, names: string[]) =>
  expect(page.getByRole("table").getByRole("rowheader").locator("span.font-medium")).toHaveText(names);

test("the users table searches and filters through the URL, and the back button restores the view", async ({ page }) => {
  await signInAs(page, "superuser@acme.test");
  await page.goto("/a/acme/settings/users");
  // Other tests may have invited people into Acme: the demo members, in name order, among them.
  await expect(page.getByRole("table").getByRole("rowheader").locator("span.font-medium")).toContainText([
    "Avery Stone",
    "Casey Nguyen",
    "Jordan Patel",
    "Morgan Lee",
    "Riley Chen",
    "Taylor Brooks",
  ]);
  await expect(page.getByRole("row").filter({ hasText: "Taylor Brooks" })).toContainText("Filtered Reporting");

  await page.getByLabel("Search").fill("CHEN");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=CHEN/);
  await expectRows(page, ["Riley Chen"]);

  await page.getByLabel("Search").fill("");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Manager" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/role=manager/);
  await expectRows(page, ["Morgan Lee"]);

  await page.goBack();
  await expectRows(page, ["Riley Chen"]);
  await expect(page.getByLabel("Search")).toHaveValue("CHEN");
});

test("no match says so and offers to clear the search", async ({ page }) => {
  await signInAs(page, "observer@acme.test");
  await page.goto("/a/acme/settings/users?q=zzzz");
  await expect(page.getByText("No users match “zzzz”.")).toBeVisible();
  await page.getByRole("link", { name: "Clear the search" }).click();
  await expect(page).toHaveURL("/a/acme/settings/users");
  await expect(page.getByRole("table")).toBeVisible();
});

test("a bad URL parameter is reported and left out, the rest still applies", async ({ page }) => {
  await signInAs(page, "superuser@acme.test");
  const response = await page.goto("/a/acme/settings/users?role=admin&q=lee&after=%27");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Part of this link was not valid and was left out: role, page.")).toBeVisible();
  await expectRows(page, ["Morgan Lee"]);
});

test("a child account lists its network's members, marked as such", async ({ page }) => {
  await signInAs(page, "admin@bright-dental.test");
  await page.goto("/a/bright-dental/settings/users");
  await expect(page.getByRole("row").filter({ hasText: "Priya Shah" })).not.toContainText("via");
  await expect(page.getByRole("row").filter({ hasText: "Avery Stone" })).toContainText("via Acme Network");
});
