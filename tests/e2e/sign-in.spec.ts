import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signInAs, submitSignIn, switcherFor } from "./support/sign-in";

const INCORRECT = "Email or password is incorrect.";

test("a super user signs in and lands on the network home", async ({ page }) => {
  await signInAs(page, "superuser@acme.test");
  await expect(page).toHaveURL("/a/acme");
  await expect(switcherFor(page, "Acme Network")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Acme Network" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Account menu for Avery Stone" })).toBeVisible();
});

test("the email is matched case-insensitively and trimmed", async ({ page }) => {
  await page.goto("/sign-in");
  await submitSignIn(page, "  SuperUser@ACME.test ");
  await expect(page).toHaveURL("/a/acme");
});

test.describe("failed sign-in stays on the form with a clear message", () => {
  for (const [label, email] of [["wrong password", "superuser@acme.test"], ["unknown email", "nobody@acme.test"]] as const) {
    test(`${label} gets the one generic message`, async ({ page }) => {
      await page.goto("/sign-in");
      await submitSignIn(page, email, "not-the-password");
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(INCORRECT);
      await expect(page).toHaveURL("/sign-in");
    });
  }

  test("a run of wrong passwords is slowed with a clear wait, the same for any email", async ({ page }) => {
    await page.goto("/sign-in");
    // An address of this test's own: the back-off is per email, known or not.
    const answered = () => page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/sign-in");
    for (let i = 0; i <= 10; i++) {
      await Promise.all([answered(), submitSignIn(page, "guessing-run@acme.test", `guess number ${i}`)]);
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(INCORRECT);
    }
    await submitSignIn(page, "guessing-run@acme.test", "one more guess");
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Too many attempts. Try again in 1 minute.");
    await expect(page).toHaveURL("/sign-in");
  });

  test("empty fields show inline errors tied to their inputs", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter an email address.");
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Enter your password.");
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL("/sign-in");
  });

  test("an over-long password is refused", async ({ page }) => {
    await page.goto("/sign-in");
    await submitSignIn(page, "superuser@acme.test", "x".repeat(5000));
    await expect(page.getByText(INCORRECT)).toBeVisible();
    await expect(page).toHaveURL("/sign-in");
  });
});

const HOSTILE_CALLBACKS = [
  "//evil.example",
  "javascript:alert(1)",
  "https://evil.example/x",
  "/\\evil.example",
  "/\t/evil.example",
  "/.//evil.example",
  "/a/..//evil.example",
];

for (const callbackUrl of HOSTILE_CALLBACKS) {
  test(`callbackUrl ${JSON.stringify(callbackUrl)} never leaves the site`, async ({ page }) => {
    const foreignHosts: string[] = [];
    page.on("request", (request) => {
      const { hostname } = new URL(request.url());
      if (hostname !== "localhost") foreignHosts.push(hostname);
    });
    page.on("dialog", (dialog) => {
      foreignHosts.push(`dialog: ${dialog.message()}`);
      return dialog.dismiss();
    });
    await signInAs(page, "superuser@acme.test", { from: `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` });
    await expect(page).toHaveURL("/a/acme");
    expect(foreignHosts).toEqual([]);
  });
}

test("a signed-out visit comes back to the requested page after sign-in", async ({ page }) => {
  await page.goto("/a/acme/settings/users");
  await expect(page).toHaveURL("/sign-in?callbackUrl=%2Fa%2Facme%2Fsettings%2Fusers");
  // A failed attempt first: the form must keep the callbackUrl for the retry.
  await submitSignIn(page, "superuser@acme.test", "not-the-password");
  await expect(page.getByText(INCORRECT)).toBeVisible();
  await submitSignIn(page, "superuser@acme.test");
  await expect(page).toHaveURL("/a/acme/settings/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
});

test("visiting sign-in or / while signed in goes to the home account", async ({ page }) => {
  await signInAs(page, "admin@bright-dental.test");
  await page.goto("/sign-in");
  await expect(page).toHaveURL("/a/bright-dental");
  await page.goto("/");
  await expect(page).toHaveURL("/a/bright-dental");
});

test("a signed-in visit to sign-in with a hostile callbackUrl stays on the site", async ({ page }) => {
  await signInAs(page, "superuser@acme.test");
  for (const callbackUrl of HOSTILE_CALLBACKS) {
    const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    const location = response.headers()["location"] ?? "";
    expect(new URL(location, "http://localhost").hostname, `${callbackUrl} → ${location}`).toBe("localhost");
  }
});

test("next-auth's own endpoint signs nobody in on a password, right or wrong", async ({ request }) => {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: "superuser@acme.test", password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).toContain("error=CredentialsSignin");
  expect(response.headers()["set-cookie"] ?? "").not.toMatch(/authjs\.session-token=[^;]/);
  // A made-up proof is refused the same way.
  const forged = await request.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, proof: "eyJhbGciOiJkaXIifQ.forged" }, maxRedirects: 0 });
  expect(forged.headers()["location"]).toContain("error=CredentialsSignin");
});

test("an over-long password sent past the form gets the generic answer, not an error", async ({ request }) => {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: "superuser@acme.test", password: "x".repeat(5000) },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).toContain("error=CredentialsSignin");
});
