import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

test("a Super User saves an access preset with a toggle and deletes it", async ({ page }) => {
  await signInAs(page, "superuser@acme.test");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Access presets" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Access presets" })).toBeVisible();
  await expect(page.getByText("Read-Write", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Save preset" }).click();
  await expect(page.getByText("Name the preset.")).toBeVisible();

  await page.getByLabel("Preset name").fill("Regional director");
  await page.getByLabel("Base role").selectOption({ label: "Filtered Reporting" });
  await page.getByText("Fine-tune permissions").click();
  await page.getByLabel(/^Mention colleagues/).selectOption("grant");
  await page.getByRole("button", { name: "Save preset" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Preset “Regional director” saved." })).toBeVisible();

  const saved = page.getByRole("listitem").filter({ hasText: "Regional director" });
  await expect(saved).toContainText("Filtered Reporting");
  await expect(saved).toContainText("1 toggle");

  page.once("dialog", (dialog) => dialog.accept());
  await saved.getByRole("button", { name: "Delete preset Regional director" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Regional director" })).toHaveCount(0);
});

test("a Manager cannot open access presets", async ({ page }) => {
  await signInAs(page, "manager@acme.test");
  const response = await page.goto("/a/acme/settings/presets");
  expect(response?.status()).toBe(403);
});
