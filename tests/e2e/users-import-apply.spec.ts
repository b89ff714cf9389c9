import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { read, utils, write, type WorkBook } from "xlsx";
import { expectNoAxeViolations } from "./support/axe";
import { signInAs } from "./support/sign-in";

const [ANA, BEN, CLEO] = ["ana.sheet@example.com", "ben.sheet@example.com", "cleo.sheet@example.com"] as const;
const PEOPLE = [ANA, BEN, CLEO];

async function download(page: Page, item: string): Promise<WorkBook> {
  await page.goto("/a/acme/settings/users");
  await page.getByRole("button", { name: "More user actions" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: item }).click();
  return read(await readFile((await (await downloading).path())!));
}

/** Uploads a workbook on the import page, checks the preview's counts, applies it and waits for the job to finish. */
async function importBook(page: Page, book: WorkBook, expected: Record<string, string>, confirmDeletes?: string) {
  await page.goto("/a/acme/settings/users/import");
  await page
    .getByLabel("Drop a spreadsheet here, or choose one")
    .setInputFiles({ name: "people.xlsx", mimeType: "application/octet-stream", buffer: write(book, { type: "buffer", bookType: "xlsx" }) as Buffer });
  const outcomes = page.getByRole("list", { name: "Rows by outcome" });
  for (const [label, count] of Object.entries(expected)) {
    await expect(outcomes.getByRole("listitem").filter({ hasText: new RegExp(`^${label}\\d`) })).toContainText(count);
  }
  if (confirmDeletes) await page.getByLabel(/^Type \d+ to delete/).fill(confirmDeletes);
  await page.getByRole("button", { name: /^Apply \d+ changes?$/ }).click();

  await expect(page).toHaveURL(/\/settings\/users\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("progressbar", { name: "Rows applied" })).toHaveAttribute("aria-valuetext", /\(100 %\)$/);
}

test("a Super User invites three people from the template, then changes and deletes them from an export", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "superuser@acme.test");

  const template = await download(page, "Download import template");
  utils.sheet_add_aoa(
    template.Sheets.Users!,
    [
      [ANA, "Observer", "Ana Sheet", "Marketing"],
      [BEN, "Member", "Ben Sheet", ""],
      [CLEO, "Reporting", "Cleo Sheet", "Contact Center"],
    ],
    { origin: "A2" },
  );
  await importBook(page, template, { Invite: "3", Error: "0" });
  const results = page.getByRole("list", { name: "Rows by result" });
  await expect(results.getByRole("listitem").filter({ hasText: /^Invited/ })).toContainText("3");
  await expectNoAxeViolations(page);

  // The bell says so, and links back to the import.
  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await page.reload();
  await bell.click();
  const importUrl = page.url();
  await page.getByRole("dialog", { name: "Notifications" }).getByRole("link", { name: "Import of 3 rows finished: 3 invited" }).click();
  await expect(page).toHaveURL(importUrl);

  await page.goto("/a/acme/settings/users?q=sheet@example");
  for (const email of PEOPLE) await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Invited");
  await page.goto("/dev/mail");
  for (const email of PEOPLE) await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(1);
  // An invitation stored unrendered opens with its own link.
  await page.getByRole("row").filter({ hasText: ANA }).getByRole("link").click();
  await expect(page.locator('a[href*="/invite/"]').first()).toBeVisible();

  // Export, give Ana another role, mark Ben for deletion, and upload it back.
  const exported = await download(page, "Export users (this view)");
  const sheet = exported.Sheets.Users!;
  const rows = utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: "" });
  const rowOf = (email: string) => rows.findIndex((cells) => cells[0] === email);
  utils.sheet_add_aoa(sheet, [["Member"]], { origin: { r: rowOf(ANA), c: 2 } });
  utils.sheet_add_aoa(sheet, [["Delete User"]], { origin: { r: 0, c: rows[0]!.length } });
  utils.sheet_add_aoa(sheet, [["Delete User"]], { origin: { r: rowOf(BEN), c: rows[0]!.length } });
  await importBook(page, exported, { Change: "1", Delete: "1", Error: "0" }, "1");

  await page.goto("/a/acme/settings/users?q=sheet@example");
  await expect(page.getByRole("row").filter({ hasText: ANA })).toContainText("Member");
  await expect(page.getByRole("row").filter({ hasText: BEN })).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: CLEO })).toContainText("Reporting");
});
