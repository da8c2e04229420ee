import { expect, test } from "@playwright/test";
import { addSource, adminPassword, apiToken, appPages, serverLog, watchConsole } from "./helpers";

async function submitSignIn(page: import("@playwright/test").Page) {
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill(adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a page opened while signed out is where sign-in leads back to", async ({ page, request }) => {
  const errors = watchConsole(page);
  const id = await addSource(request, await apiToken(request), { title: "Deep link target", content: "Deep links come back after signing in." });
  const deep = `/knowledge/${id}?version=1`;
  await page.goto(deep);
  await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(deep)}`);
  await submitSignIn(page);
  await expect(page).toHaveURL(deep);
  await expect(page.getByRole("heading", { level: 1, name: "Deep link target" })).toBeVisible();

  // Signed in already: the sign-in page forwards to its target at once.
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/tasks")}`);
  await expect(page).toHaveURL("/tasks");
  expect(errors).toEqual([]);
});

test("sign-in never leads to another site", async ({ page }) => {
  for (const target of ["//example.com/x", "https://example.com/x", "/\\example.com"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
    await submitSignIn(page);
    await expect(page).toHaveURL("/dashboard");
  }
});

test("the redirect names the page to come back to", async ({ request }) => {
  const res = await request.get("/settings?tab=tokens", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toBe(`/login?callbackUrl=${encodeURIComponent("/settings?tab=tokens")}`);
});

test("with sign-up closed, /register says so and points to sign-in", async ({ page }) => {
  const errors = watchConsole(page);
  const res = await page.goto("/register");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Sign-up is closed" })).toBeVisible();
  await expect(page.getByText("Ask an administrator")).toBeVisible();
  await expect(page.getByText(/404|could not be found/)).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/register-closed.png", fullPage: true });
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/login");
  expect(errors).toEqual([]);
});

test("pages opened while signed out redirect without a stack trace in the server's log", async ({ page }) => {
  const before = serverLog().length;
  for (const { path } of [...appPages(1), { path: "/knowledge/1?version=2" }, { path: "/change-password" }]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login(\?|$)/);
  }
  // A page's render runs beside its layout's redirect and may log a moment after the response.
  await page.waitForTimeout(1000);
  const logged = serverLog().slice(before);
  expect(logged).not.toMatch(/TypeError|Cannot read properties|\n\s+at /);
});
