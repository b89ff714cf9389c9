import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInAs } from "./support/sign-in";

test("the options menu, its confirmation and the invite dialog work from the keyboard alone, with no axe findings", async ({ page }) => {
  await signInAs(page, "superuser@acme.test");
  await page.goto("/a/acme/settings/users");
  const row = page.getByRole("row").filter({ hasText: "member@acme.test" });
  const options = row.getByRole("button", { name: /^Options for/ });

  // ⋮ opens with Enter; typing jumps to the item; Enter picks it.
  await options.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.type("Deac");
  await expect(page.getByRole("menuitem", { name: "Deactivate" })).toBeFocused();
  await page.keyboard.press("Enter");

  // The confirmation names the person, starts on Cancel, and Escape leaves everything as it was.
  const confirm = page.getByRole("alertdialog", { name: /^Deactivate .+\?$/ });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(row).toContainText("Active");

  // The invite dialog traps focus while open and gives it back to + New when closed.
  const newButton = page.getByRole("button", { name: "New", exact: true });
  await newButton.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Invite a user" });
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(newButton).toBeFocused();
});
