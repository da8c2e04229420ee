import { expect, test } from "@playwright/test";
import { apiToken, signInAsAdmin, watchConsole } from "./helpers";

// A review policy made on the Governance page holds an action; the admin approves it there, the
// worker carries it out as the person who asked, and the action's audit entry is proved in the
// browser against a signed tree head.
test("a review policy holds an action until an admin approves it, then it is done, and its audit entry's proof checks out", async ({ page, request }) => {
  test.setTimeout(240_000);
  const errors = watchConsole(page);
  const stamp = Date.now().toString(36);
  const keyword = `e2e${stamp}`;
  await signInAsAdmin(page);
  await page.goto("/governance");
  await expect(page.getByRole("heading", { name: "Governance" })).toBeVisible();
  await expect(page.getByTestId("policies-panel")).toContainText("Review URLs from sources scored 40–69");

  await page.getByTestId("policy-new").click();
  const form = page.getByTestId("policy-form");
  await form.getByTestId("policy-name").fill(`Hold ${keyword} tokens`);
  await form.getByTestId("policy-action-type").selectOption("token.create");
  await form.getByTestId("policy-decision").selectOption("review");
  await form.getByTestId("policy-condition").fill('{"keywords": ["nope"], "colour": 1}');
  await form.getByTestId("policy-save").click();
  await expect(form).toContainText(/condition: /);
  await form.getByTestId("policy-condition").fill(`{"keywords": ["${keyword}"]}`);
  await form.getByTestId("policy-save").click();
  const policy = page.locator(`[data-policy-name="Hold ${keyword} tokens"]`);
  await expect(policy).toBeVisible();
  await expect(policy.getByTestId("policy-toggle")).toHaveAttribute("aria-checked", "true");

  const token = await apiToken(request);
  const held = await request.post("/api/tokens", { headers: { Authorization: `Bearer ${token}` }, data: { name: `${keyword} deploy` } });
  expect(held.status()).toBe(423);
  const approvalId = (await held.json()).approval_id as number;

  await page.reload();
  const row = page.getByTestId(`approval-${approvalId}`);
  await expect(row).toContainText("Create an API token");
  await expect(row).toContainText(`${keyword} deploy`);
  await expect(row.getByTestId("approval-status")).toHaveText("pending");
  await page.screenshot({ path: "test-results/screens/governance-pending.png", fullPage: true });
  await row.getByTestId("approval-approve").click();
  await row.getByTestId("approval-reason").fill("looks fine");
  await row.getByTestId("approval-confirm").click();
  await page.getByTestId("approvals-filter-all").click();
  await expect(row.getByTestId("approval-status")).toHaveText("executed", { timeout: 20_000 });
  await expect(row).toContainText("Approved by admin: looks fine");

  const tokens = await request.get("/api/tokens?limit=100", { headers: { Authorization: `Bearer ${token}` } });
  expect((await tokens.json()).items.map((t: { name: string }) => t.name)).toContain(`${keyword} deploy`);

  // The token's creation is in the audit log; once a signed tree head covers it, its inclusion
  // proof checks out in the browser.
  const auth = { Authorization: `Bearer ${token}` };
  const created = await request.get("/api/log/entries?action=token.create&limit=100", { headers: auth });
  const entry = ((await created.json()).entries as { sequence: number; payload: { name?: string } }[]).find((e) => e.payload.name === `${keyword} deploy`);
  expect(entry, "the approved creation's audit entry").toBeTruthy();
  await expect
    .poll(async () => {
      const res = await request.get("/api/log/tree-heads/latest", { headers: auth });
      return res.status() === 200 ? (await res.json()).tree_size : 0;
    }, { timeout: 100_000, intervals: [1000] })
    .toBeGreaterThanOrEqual(entry!.sequence);
  await page.goto("/audit?action=token.create");
  await page.getByRole("button", { name: `Show entry ${entry!.sequence} and check its proof`, exact: true }).click();
  await expect(page.getByTestId("proof-status")).toHaveAttribute("data-status", "verified", { timeout: 20_000 });
  await expect(page.getByTestId("entry-detail")).toContainText(`${keyword} deploy`);
  await page.keyboard.press("Escape");
  await page.goto("/governance");

  // Disable it again, from the keyboard.
  await policy.getByTestId("policy-toggle").focus();
  await page.keyboard.press("Enter");
  await expect(policy.getByTestId("policy-toggle")).toHaveAttribute("aria-checked", "false");

  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await expect(page.getByTestId("policies-panel")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: "test-results/screens/governance-360.png", fullPage: true });
  // The refused condition's 422 is logged by the browser as a failed resource load: expected.
  expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
});
