import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs } from "./support/sign-in";

type CapturedAction = { url: string; headers: Record<string, string>; body: string };

/** Creates a preset as a Super User and captures the server action request the page sent. */
async function captureCreatePreset(page: Page): Promise<CapturedAction> {
  await signInAs(page, "superuser@acme.test");
  await page.goto("/a/acme/settings/presets");
  await page.getByLabel("Preset name").fill("Captured preset");
  const requestPromise = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await page.getByRole("button", { name: "Save preset" }).click();
  const request = await requestPromise;
  await expect(page.getByRole("status").filter({ hasText: "saved" })).toBeVisible();
  return { url: request.url(), headers: await request.allHeaders(), body: request.postData() ?? "" };
}

/** Replays the captured action as another user, with another preset name and account slug. */
async function replayAs(browser: Browser, email: string, action: CapturedAction, slug: string, name: string, from = action.url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email);
  const body = action.body.replace('"acme"', JSON.stringify(slug)).replace("Captured preset", name);
  const response = await page.request.post(from, {
    headers: {
      "next-action": action.headers["next-action"]!,
      "content-type": action.headers["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: new URL(action.url).origin,
    },
    data: body,
  });
  const result = { status: response.status(), text: await response.text() };
  await context.close();
  return result;
}

test("calling a server action directly without the permission is refused and changes nothing", async ({ page, browser }) => {
  const action = await captureCreatePreset(page);
  expect(action.body).toContain('"acme"');

  const asManager = await replayAs(browser, "manager@acme.test", action, "acme", "Manager sneak");
  expect(asManager.text).toContain("You do not have permission to do this.");

  // Another tenant posting from a page of their own, naming Acme in the arguments…
  const ownPage = action.url.replace("/a/acme/", "/a/bright-dental/");
  const asOtherTenant = await replayAs(browser, "admin@bright-dental.test", action, "acme", "Tenant sneak", ownPage);
  expect(asOtherTenant.text).toContain("This account does not exist or you do not have access to it.");
  // …or from Acme's page itself, which the proxy turns away before any action runs.
  const throughAcme = await replayAs(browser, "admin@bright-dental.test", action, "acme", "Tenant sneak");
  expect(throughAcme.status).toBeGreaterThanOrEqual(400);

  await page.reload();
  await expect(page.getByText("Captured preset")).toBeVisible();
  await expect(page.getByText("Manager sneak")).toHaveCount(0);
  await expect(page.getByText("Tenant sneak")).toHaveCount(0);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete preset Captured preset" }).click();
  await expect(page.getByText("Captured preset")).toHaveCount(0);
});

/** Replays a captured action as another signed-in user, with its body rewritten. */
async function replayRewritten(browser: Browser, email: string, action: CapturedAction, rewrite: (body: string) => string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email);
  const response = await page.request.post(action.url, {
    headers: {
      "next-action": action.headers["next-action"]!,
      "content-type": action.headers["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: new URL(action.url).origin,
    },
    data: rewrite(action.body),
  });
  const text = await response.text();
  await context.close();
  return text;
}

async function captureNextAction(page: Page, submit: () => Promise<void>): Promise<CapturedAction> {
  const requestPromise = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await submit();
  const request = await requestPromise;
  return { url: request.url(), headers: await request.allHeaders(), body: request.postData() ?? "" };
}

test("a Manager posting role = Super User straight to the invite and edit actions is refused and nothing changes", async ({ page, browser }) => {
  await signInAs(page, "superuser@acme.test");
  await page.goto("/a/acme/settings/users");

  // The invite action, captured from a real invitation…
  await page.getByRole("button", { name: "New", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a user" });
  await dialog.getByLabel("Email").fill("captured.invite@example.com");
  await dialog.getByLabel("Name").fill("Captured Invite");
  const invite = await captureNextAction(page, () => dialog.getByRole("button", { name: "Create" }).click());
  await expect(page.getByText("Invite sent to captured.invite@example.com")).toBeVisible();
  expect(invite.body).toContain('"observer"');

  // …replayed by a Manager for someone else, as a Super User.
  const sneakInvite = await replayRewritten(browser, "manager@acme.test", invite, (body) =>
    body.replace('"observer"', '"super_user"').replace("captured.invite@example.com", "sneak.boss@example.com"),
  );
  expect(sneakInvite).toContain("You can give roles up to your own (Manager).");

  // The edit action, captured from a real save (Member → Observer, undone below)…
  const member = page.getByRole("row").filter({ hasText: "member@acme.test" });
  await member.getByRole("button", { name: /^Options for/ }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const editor = page.getByRole("dialog", { name: /^Edit / });
  await editor.getByLabel("Role").selectOption({ label: "Observer" });
  const edit = await captureNextAction(page, () => editor.getByRole("button", { name: "Save permissions" }).click());
  await expect(page.getByText("access was saved")).toBeVisible();

  // …replayed by a Manager making the member a Super User.
  const sneakEdit = await replayRewritten(browser, "manager@acme.test", edit, (body) =>
    body.replace('"observer"', '"super_user"').replace(/"expectedVersion":\d+/, '"expectedVersion":2'),
  );
  expect(sneakEdit).toContain("You do not have permission to do this.");

  await page.reload();
  await expect(member).toContainText("Observer");
  await expect(page.getByRole("row").filter({ hasText: "sneak.boss@example.com" })).toHaveCount(0);

  // Put things back for the other tests.
  await member.getByRole("button", { name: /^Options for/ }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  await editor.getByLabel("Role").selectOption({ label: "Member" });
  await editor.getByRole("button", { name: "Save permissions" }).click();
  await expect(member).toContainText("Member");
  await page.getByRole("row").filter({ hasText: "captured.invite@example.com" }).getByRole("button", { name: /^Options for/ }).click();
  await page.getByRole("menuitem", { name: "Revoke invite" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke invite" }).click();
  await expect(page.getByRole("row").filter({ hasText: "captured.invite@example.com" })).toHaveCount(0);
});
