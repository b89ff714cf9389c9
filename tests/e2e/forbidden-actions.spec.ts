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
