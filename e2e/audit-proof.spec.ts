import { expect, test } from "@playwright/test";
import { apiToken, signInAsAdmin, watchConsole } from "./helpers";

// An entry's inclusion proof, checked in the browser against the latest signed tree head.
test("audit: verify the log, and an entry's proof checked in the browser", async ({ page, request }) => {
  const errors = watchConsole(page);
  const token = await apiToken(request);
  const auth = { Authorization: `Bearer ${token}` };
  // The worker publishes a head within a minute of the log growing (its first a few seconds after it starts).
  let covered = 0;
  await expect
    .poll(
      async () => {
        const res = await request.get("/api/log/tree-heads/latest", { headers: auth });
        covered = res.status() === 200 ? (await res.json()).tree_size : 0;
        return covered;
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toBeGreaterThan(0);

  await signInAsAdmin(page);
  await page.goto("/audit");
  await page.getByTestId("verify-log").click();
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-valid", "true");
  await expect(page.getByTestId("verify-latest-head")).toContainText("Latest signed head: #");

  // The newest entry the head covers (on the first page unless 50 more were written since).
  await page.getByRole("button", { name: `Show entry ${covered} and check its proof`, exact: true }).click();
  await expect(page.getByTestId("proof-status")).toHaveAttribute("data-status", "verified", { timeout: 20_000 });
  await expect(page.getByTestId("proof-status")).toContainText(/Proof verified against signed tree head #\d+/);
  await expect(page.getByTestId("entry-signature-status")).toHaveAttribute("data-status", "valid");
  await page.screenshot({ path: "test-results/screens/audit-proof.png", fullPage: true });
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("entry-detail")).toHaveCount(0);
  expect(errors).toEqual([]);
});
