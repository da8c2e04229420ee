import { expect, test } from "@playwright/test";
import { adminPassword, signInAsAdmin, watchConsole } from "./helpers";

test("a mode change reaches an open page live: the banner appears and goes", async ({ page, request }) => {
  const errors = watchConsole(page);
  await signInAsAdmin(page);
  await page.goto("/tasks");
  await expect(page.getByRole("heading", { name: "Tasks", exact: true })).toBeVisible();
  const login = await request.post("/api/auth/login", { data: { username: "admin", password: adminPassword } });
  const { access_token } = await login.json();
  const auth = { Authorization: `Bearer ${access_token}` };

  await request.post("/api/health/mode", { headers: auth, data: { mode: "read_only", reason: "e2e maintenance" } });
  const banner = page.getByRole("status").filter({ hasText: "Grace is read-only" });
  try {
    await expect(banner).toContainText("e2e maintenance", { timeout: 4000 }); // within the 2 s promise, plus slack
    // The queue says why nothing starts.
    await expect(page.getByRole("status").filter({ hasText: "The queue is paused" })).toContainText("read-only mode (e2e maintenance)");
    await page.screenshot({ path: "test-results/screens/read-only-banner.png", fullPage: true });
    const refused = await request.post("/api/tasks/", { headers: auth, data: { title: "nope" } });
    expect(refused.status()).toBe(503);
  } finally {
    // The specs after this one share the server: leave Grace writable whatever happened.
    await request.post("/api/health/mode", { headers: auth, data: { mode: "normal" } });
  }
  await expect(banner).toHaveCount(0, { timeout: 4000 });
  expect(errors).toEqual([]);
});
