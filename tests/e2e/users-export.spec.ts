import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { read, utils } from "xlsx";
import { signInAs } from "./support/sign-in";

async function download(page: Page, item: string) {
  await page.getByRole("button", { name: "More user actions" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: item }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), book: read(await readFile((await file.path())!)) };
}

test("a Super User exports the users as the table shows them, and downloads the import template", async ({ page }) => {
  await signInAs(page, "superuser@acme.test");
  await page.goto("/a/acme/settings/users?role=manager");

  const exported = await download(page, "Export users (this view)");
  expect(exported.name).toMatch(/^users_export_\d{8}-\d{6}\.xlsx$/);
  // Blank cells read as "": the manager may never have signed in.
  expect(utils.sheet_to_json(exported.book.Sheets.Users!, { header: 1, raw: false, defval: "" })).toEqual([
    ["Email", "Name", "Role", "License", "Status", "Last sign-in", "2FA"],
    ["manager@acme.test", "Morgan Lee", "Manager", expect.stringMatching(/^(Marketing|Contact Center|Marketing, Contact Center)$/), "Active", expect.any(String), "Off"],
  ]);

  const template = await download(page, "Download import template");
  expect(template.name).toBe("bulk_user_management_template.xlsx");
  expect(template.book.SheetNames).toEqual(["Users", "Help"]);
});

test("the spreadsheet downloads are for Super Users only", async ({ page }) => {
  await signInAs(page, "manager@acme.test");
  await page.goto("/a/acme/settings/users");
  await expect(page.getByRole("button", { name: "New", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "More user actions" })).toHaveCount(0);
  for (const path of ["export", "template"]) {
    const response = await page.request.get(`/a/acme/settings/users/${path}`);
    expect(response.status()).toBe(403);
  }
});
