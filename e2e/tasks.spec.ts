import { expect, test } from "@playwright/test";
import { signInAsAdmin, watchConsole } from "./helpers";

test("tasks: add, edit and complete a to-do; a demo job runs with a live progress bar", async ({ page }) => {
  const errors = watchConsole(page);
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Tasks" }).click();
  // Other specs share this server: they may have left jobs (URL ingestion), and the learning loop
  // may have turned a topic the admin asked about again and again into a task. Neither list need be empty.
  await expect(page.getByRole("region", { name: "My tasks" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Queue" })).toBeVisible();

  await page.getByLabel("New task").fill("Read the audit log");
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByText("Read the audit log")).toBeVisible();
  await page.getByRole("button", { name: "Edit Read the audit log" }).click();
  await page.getByLabel("Title").fill("Read the whole audit log");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByLabel("Complete Read the whole audit log").check();
  await expect(page.getByLabel("Status of Read the whole audit log")).toHaveValue("completed");

  await page.getByLabel("Demo job").fill("Three steps");
  await page.getByLabel("Steps").fill("3");
  await page.getByRole("button", { name: "Submit" }).click();
  const job = page.locator("li", { hasText: "Three steps" });
  await expect(job.getByRole("progressbar")).toBeVisible();
  await expect(job.getByText("completed", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(job.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(job.getByText("attempt 1/3")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/tasks.png", fullPage: true });
  expect(errors).toEqual([]);
});
