import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { read, utils, write } from "xlsx";
import { expectNoAxeViolations } from "./support/axe";
import { signInAs } from "./support/sign-in";

async function downloadTemplate(page: Page) {
  await page.getByRole("button", { name: "More user actions" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "Download import template" }).click();
  return read(await readFile((await (await downloading).path())!));
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel("Drop a spreadsheet here, or choose one").setInputFiles({ name, mimeType: "application/octet-stream", buffer });
}

const outcome = (page: Page, label: string) =>
  page.getByRole("list", { name: "Rows by outcome" }).getByRole("listitem").filter({ hasText: new RegExp(`^${label}\\d`) });

test("a Super User fills the template, and the preview says what each row would do without writing anything", async ({ page }) => {
  await signInAs(page, "superuser@acme.test");
  await page.goto("/a/acme/settings/users");
  const book = await downloadTemplate(page);
  utils.sheet_add_aoa(
    book.Sheets.Users!,
    [
      ["first.bulk@example.com", "Observer", "First Bulk", "Marketing"],
      ["second.bulk@example.com", "Member", "Second Bulk", ""],
      ["member@acme.test", "Observer", "", ""],
      ["typo@example.com", "Manger", "", ""],
    ],
    { origin: "A2" },
  );

  await page.getByRole("button", { name: "More user actions" }).click();
  await page.getByRole("menuitem", { name: "Import users" }).click();
  await expect(page.getByRole("heading", { name: "Import users" })).toBeVisible();
  await upload(page, "filled.xlsx", write(book, { type: "buffer", bookType: "xlsx" }) as Buffer);

  await expect(outcome(page, "Invite")).toContainText("2");
  await expect(outcome(page, "Change")).toContainText("1");
  await expect(outcome(page, "Error")).toContainText("1");
  await expect(page.getByRole("row").filter({ hasText: "member@acme.test" })).toContainText("Role: Member → Observer");
  await expect(page.getByRole("row").filter({ hasText: "typo@example.com" })).toContainText("Manager");
  await expectNoAxeViolations(page);

  // Nothing was written.
  await page.goto("/a/acme/settings/users?q=bulk");
  await expect(page.getByText("No users match “bulk”.")).toBeVisible();
});

test("a file that is not a spreadsheet gets a clear message, and other sites cannot post one", async ({ page }) => {
  await signInAs(page, "superuser@acme.test");
  await page.goto("/a/acme/settings/users/import");
  await upload(page, "holiday.xlsx", Buffer.from("\x89PNG\r\n\x1a\n not really a workbook"));
  await expect(page.getByText("This file is not a spreadsheet.")).toBeVisible();

  const response = await page.request.post("/a/acme/settings/users/import/preview", {
    headers: { origin: "https://evil.example" },
    multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("Email,Role\na@example.com,Observer\n") } },
  });
  expect(response.status()).toBe(403);
});
