import { expect, test } from "@playwright/test";
import { read, utils } from "xlsx";
import { expectNoAxeViolations } from "./support/axe";
import { signInAs } from "./support/sign-in";

test("a Super User finds who changed what, filters it and exports it; others cannot open it", async ({ page, browser }) => {
  await signInAs(page, "superuser@acme.test");
  // Something to find: an access preset made and deleted.
  await page.goto("/a/acme/settings/presets");
  await page.getByLabel("Preset name").fill("Audited preset");
  await page.getByRole("button", { name: "Save preset" }).click();
  await expect(page.getByRole("status").filter({ hasText: "saved" })).toBeVisible();

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL("/a/acme/settings/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const created = page.getByRole("row").filter({ hasText: "Created an access preset" }).filter({ hasText: "Audited preset" });
  await expect(created).toContainText("superuser@acme.test");
  // Signing in is in the log too.
  await expect(page.getByRole("row").filter({ hasText: "Signed in" }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Event").selectOption({ label: "Created an access preset" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=preset\.created/);
  await expect(page.getByRole("row").filter({ hasText: "Signed in" })).toHaveCount(0);
  await expect(created).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export to Excel" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit_log_\d{8}-\d{6}\.xlsx$/);
  const book = read(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks)));
  const rows = utils.sheet_to_json<Record<string, string>>(book.Sheets[book.SheetNames[0]!]!);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((row) => row["Event key"] === "preset.created")).toBe(true);
  expect(rows.some((row) => row.Target === "Audited preset")).toBe(true);

  // A bad filter in the address is named and left out.
  await page.goto("/a/acme/settings/audit?from=2026-02-30&action=made.up");
  await expect(page.getByText("Some filters in the address were not valid and were left out: action, from.")).toBeVisible();

  // A Manager has no link to it and is refused at the address.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInAs(manager, "manager@acme.test");
  await expect(manager.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const response = await manager.goto("/a/acme/settings/audit");
  expect(response?.status()).toBe(403);
  const exported = await manager.request.get("/a/acme/settings/audit/export");
  expect(exported.status()).toBe(403);
  await managerContext.close();
});
