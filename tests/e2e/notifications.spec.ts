import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInAs } from "./support/sign-in";

const MEMBER = "member@acme.test";

async function setMemberRole(page: Page, role: string, from: string) {
  await page.goto("/a/acme/settings/users");
  const row = page.getByRole("row").filter({ hasText: MEMBER });
  await row.getByRole("button", { name: /^Options for/ }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const editor = page.getByRole("dialog", { name: /^Edit / });
  await editor.getByLabel("Role").selectOption({ label: role });
  await expect(editor.getByText(`Role: ${from} → ${role}`)).toBeVisible();
  await editor.getByRole("button", { name: "Save permissions" }).click();
  await expect(page.getByText("access was saved")).toBeVisible();
}

test("a member whose access changed sees it under the bell and marks it read", async ({ page, browser }) => {
  await signInAs(page, "superuser@acme.test");
  await setMemberRole(page, "Manager", "Member");

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  try {
    await signInAs(member, MEMBER);
    await member.goto("/a/acme");
    const bell = member.getByRole("button", { name: /^Notifications, \d+ unread$/ });
    await expect(bell).toBeVisible();
    await bell.click();

    const panel = member.getByRole("dialog", { name: "Notifications" });
    await expect(panel).toBeVisible();
    const item = panel.getByRole("listitem").filter({ hasText: "Your access to Acme Network changed" }).first();
    await expect(item).toBeVisible();
    await expect(item).toContainText("Manager");
    await expectNoAxeViolations(member);

    await panel.getByRole("button", { name: "Mark all read" }).click();
    await expect(member.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
    await expect(panel.getByRole("button", { name: /^Mark read/ })).toHaveCount(0);

    // Read stays read on the next page load.
    await member.reload();
    await expect(member.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
  } finally {
    await memberContext.close();
    await setMemberRole(page, "Member", "Manager");
  }
});

test("a Super User sets how a member is told, in the edit dialog's Notification settings tab", async ({ page }) => {
  await signInAs(page, "superuser@acme.test");
  await page.goto("/a/acme/settings/users");
  await page.getByRole("row").filter({ hasText: "observer@acme.test" }).getByRole("button", { name: /^Options for/ }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const editor = page.getByRole("dialog", { name: /^Edit / });
  await editor.getByRole("tab", { name: "Notification settings" }).click();
  const toggle = editor.getByRole("checkbox", { name: "Import finished: by email" });
  await expect(toggle).toBeChecked();
  // A change to their access is a security notice: its email cannot be turned off, by them or by an admin.
  await expect(editor.getByRole("row", { name: /Your access changed/ })).toContainText("Always");
  await expect(editor.getByRole("checkbox", { name: "Your access changed: by email" })).toHaveCount(0);
  await toggle.uncheck();
  await editor.getByRole("button", { name: "Save notification settings" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Notification settings saved." })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.reload();
  await page.getByRole("dialog", { name: /^Edit / }).getByRole("tab", { name: "Notification settings" }).click();
  await expect(page.getByRole("dialog", { name: /^Edit / }).getByRole("checkbox", { name: "Import finished: by email" })).not.toBeChecked();
  await page.getByRole("dialog", { name: /^Edit / }).getByRole("checkbox", { name: "Import finished: by email" }).check();
  await page.getByRole("dialog", { name: /^Edit / }).getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByRole("dialog", { name: /^Edit / }).getByRole("status").filter({ hasText: "Notification settings saved." })).toBeVisible();
});

test("the bell links to the notification settings, and its older pages refuse bad cursors and strangers", async ({ page }) => {
  expect((await page.request.get("/api/notifications")).status()).toBe(401);
  await signInAs(page, "observer@acme.test");
  await page.goto("/a/acme");
  await page.getByRole("button", { name: /^Notifications/ }).click();
  await page.getByRole("dialog", { name: "Notifications" }).getByRole("link", { name: "Notification settings" }).click();
  await expect(page).toHaveURL("/profile#notifications-heading");
  await expect(page.getByRole("region", { name: "Notification settings" })).toBeVisible();

  expect((await page.request.get("/api/notifications?before=not-an-id")).status()).toBe(400);
  const page1 = await page.request.get("/api/notifications");
  expect(page1.status()).toBe(200);
  expect(await page1.json()).toMatchObject({ items: expect.any(Array), more: expect.any(Boolean) });
});
