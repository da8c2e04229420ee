import { expect, test } from "@playwright/test";
import { apiToken, expectAccessible, signInAsAdmin, watchConsole } from "./helpers";

test("audit filters: subsystem, actor, action and dates from the log's own values; routine entries hidden on the Dashboard", async ({ page, request }) => {
  const errors = watchConsole(page);
  const token = await apiToken(request);
  const auth = { Authorization: `Bearer ${token}` };
  const description = `Audit filter demo ${Date.now()}`;
  // A job the worker completes: a routine entry (job.complete by worker).
  const submitted = await request.post("/api/executor/submit", { headers: auth, data: { task_type: "steps", description, steps: 1 } });
  expect(submitted.status()).toBe(201);
  const { task_id } = await submitted.json();
  await expect.poll(async () => (await (await request.get(`/api/executor/status/${task_id}`, { headers: auth })).json()).status, { timeout: 20_000 }).toBe("completed");

  await signInAsAdmin(page);
  // Dashboard: routine entries are left out until asked for.
  const recent = page.getByRole("region", { name: "Recent activity" });
  await expect(recent.getByRole("listitem").first()).toBeVisible();
  await expect(recent.getByText("job.complete", { exact: true })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/dashboard-recent.png", fullPage: true });
  await recent.getByLabel("Show routine entries").check();
  await expect(recent.getByText("job.complete", { exact: true }).first()).toBeVisible();

  await page.goto("/audit");
  const subsystem = page.getByLabel("Subsystem");
  await expect(subsystem.locator("option", { hasText: "queue" })).toHaveCount(1);
  await expect(subsystem.locator("option", { hasText: "auth" })).toHaveCount(1);
  await expect(page.getByLabel("Actor").locator("option", { hasText: "worker" })).toHaveCount(1);
  await expect(page.getByLabel("Action").locator("option", { hasText: "job.complete" })).toHaveCount(1);
  await expectAccessible(page, "/audit");

  const rows = page.locator("tbody tr");
  await subsystem.selectOption("queue");
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasNotText: "queue" })).toHaveCount(0);
  await page.getByLabel("Action").selectOption("job.complete");
  await expect(rows.first()).toContainText("worker");
  // The filter is in the address: a reload (or a shared link) shows the same view.
  await expect(page).toHaveURL(/\/audit\?subsystem=queue&action=job.complete$/);
  await page.reload();
  await expect(page.getByLabel("Subsystem")).toHaveValue("queue");
  await expect(page.getByLabel("Action")).toHaveValue("job.complete");
  await expect(rows.filter({ hasNotText: "job.complete" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/audit-filtered.png", fullPage: true });
  // Hiding routine entries leaves none of these.
  await page.getByLabel("Hide routine entries").check();
  await expect(page.getByText("No entry matches these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(rows.filter({ hasText: "auth.login" }).first()).toBeVisible();

  // A time range: nothing is logged in the future; today holds the sign-in.
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("From (UTC)").fill("2099-01-01");
  await expect(page.getByText("No entry matches these filters.")).toBeVisible();
  await page.getByLabel("From (UTC)").fill(today);
  await page.getByLabel("Actor").selectOption("admin");
  await expect(rows.filter({ hasText: "auth.login" }).first()).toBeVisible();
  await expect(rows.filter({ hasNotText: "admin" })).toHaveCount(0);

  // Tasks: the job is named by its description, without the global job number.
  await page.goto("/tasks");
  const job = page.locator("li", { hasText: description });
  await expect(job).toBeVisible();
  await expect(job).not.toContainText(`#${task_id}`);
  expect(errors).toEqual([]);
});
