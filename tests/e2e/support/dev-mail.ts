import { expect, type Page } from "@playwright/test";

/**
 * Opens the newest email to `to` in the dev outbox (/dev/mail) and follows its
 * link whose address contains `linkPart`.
 */
export async function followLinkInEmail(page: Page, to: string, linkPart: string) {
  await page.goto("/dev/mail");
  // Newest first: the first row to this address is the latest email.
  await page.getByRole("row").filter({ hasText: to }).first().getByRole("link").click();
  const link = page.locator(`a[href*="${linkPart}"]`).first();
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href"))!;
  await page.goto(href);
  return href;
}
