import { expect, test } from "@playwright/test";
import { adminPassword, signIn, watchConsole } from "./helpers";

test("a failed sign-in shows an error and stays on the sign-in page", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, "admin", "not the password");
  await expect(page.getByRole("alert").filter({ hasText: "Incorrect" })).toHaveText("Incorrect username or password.");
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: "test-results/screens/login-error.png", fullPage: true });
  expect(errors).toEqual([]);
});

test("signed-out visitors are sent to sign in", async ({ page, request }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login/);
  const res = await request.get("/api/me");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("unauthorized");
});

test("the admin signs in, creates a token, calls the API with it and signs out", async ({ page, request }) => {
  const errors = watchConsole(page);
  await signIn(page, "admin", adminPassword);
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  for (const item of ["Chat", "Knowledge", "Tasks", "IDE", "Dashboard", "Audit", "Governance", "Security", "Settings"]) {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: item, exact: true })).toBeVisible();
  }
  await page.screenshot({ path: "test-results/screens/dashboard.png", fullPage: true });

  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("table", { name: "Your tokens" })).toBeVisible();
  await page.getByLabel("New token name").fill("e2e script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^grace_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("cell", { name: "e2e script", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: `${token.slice(0, 12)}…` })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/settings-token.png", fullPage: true });

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect((await health.json()).components.database.status).toBe("ok");
  const me = await request.get("/api/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ username: "admin", role: "admin", authenticated_by: "token" });
  // Old clients call paths with a trailing slash: same handler, no redirect.
  const slash = await request.get("/api/me/", { headers: { Authorization: `Bearer ${token}` }, maxRedirects: 0 });
  expect(slash.status()).toBe(200);
  for (const path of ["/api/chat/", "/api/chat"]) {
    const chat = await request.post(path, { headers: { Authorization: `Bearer ${token}` }, data: { message: "hi" }, maxRedirects: 0 });
    expect(chat.status()).toBe(200);
    expect((await chat.json()).response).toMatch(/^Hello/);
  }
  const unknown = await request.get("/api/no-such-thing/", { headers: { Authorization: `Bearer ${token}` }, maxRedirects: 0 });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe("not_found");

  await page.getByRole("link", { name: "Audit" }).click();
  await page.getByRole("button", { name: "Verify the log" }).click();
  await expect(page.getByText(/Chain intact: \d+ entries checked/)).toBeVisible();
  await expect(page.getByRole("cell", { name: "token.create" }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/audit.png", fullPage: true });

  const session = (await page.context().cookies()).find((c) => c.name === "grace.session-token")!;
  const copied = { Cookie: `${session.name}=${session.value}` };
  expect((await request.get("/api/me", { headers: copied })).status()).toBe(200);
  await page.getByRole("link", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login/);
  // Signing out ended the session itself: a copy of the cookie taken before is refused too.
  expect((await request.get("/api/me", { headers: copied })).status()).toBe(401);
  const logouts = await request.get("/api/log/entries?action=auth.logout", { headers: { Authorization: `Bearer ${token}` } });
  expect((await logouts.json()).entries[0]).toMatchObject({ actor: "admin", action: "auth.logout" });
  expect(errors).toEqual([]);
});
