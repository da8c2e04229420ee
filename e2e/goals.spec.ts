import { expect, test } from "@playwright/test";
import { addSource, apiToken, expectAccessible, signInAsAdmin, watchConsole } from "./helpers";

test("research goals: an unanswered question is listed with a link to add a source, and marked answered once one covers it", async ({ page, request }) => {
  const errors = watchConsole(page);
  const token = await apiToken(request);
  const auth = { Authorization: `Bearer ${token}` };
  const asked = await request.post("/api/chat", { headers: auth, data: { message: "When was the Skerryvore beacon automated?" } });
  expect(asked.status(), await asked.text()).toBe(200);

  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Goals" }).click();
  await expect(page).toHaveURL(/\/goals$/);
  await expect(page.getByRole("heading", { level: 1, name: "Research goals" })).toBeVisible();
  const goal = page.getByTestId("research-goal").filter({ hasText: "when was the skerryvore beacon automated" });
  await expect(goal).toContainText("open");
  await expect(goal.getByRole("link", { name: "Add a source for it" })).toHaveAttribute("href", "/knowledge#add-knowledge");
  await expect(page.getByRole("link", { name: "Add a source", exact: true })).toBeVisible();
  await expectAccessible(page, "/goals");
  await page.screenshot({ path: "test-results/screens/goals-open.png", fullPage: true });

  // A source that answers it arrives: adding it asks the open questions again, and the page shows the answer.
  await addSource(request, token, { title: "Scottish lights", content: "The Skerryvore beacon was automated in 1988." });
  await page.reload();
  await expect(goal).toContainText("answered");
  await expect(goal.getByRole("link", { name: "Add a source for it" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/goals-answered.png", fullPage: true });
  expect(errors).toEqual([]);
});
