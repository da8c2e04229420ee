import { expect, test } from "@playwright/test";
import { adminPassword, signInAsAdmin, watchConsole } from "./helpers";

test("chat: ask about an ingested document and get a cited answer; the citation opens its source", async ({ page, request }) => {
  const errors = watchConsole(page);
  const login = await request.post("/api/auth/login", { data: { username: "admin", password: adminPassword } });
  const auth = { Authorization: `Bearer ${(await login.json()).access_token}` };
  const ingested = await request.post("/api/ingest/text", {
    headers: auth,
    data: { title: "Ferry timetable", content: "The island ferry leaves the north pier at 07:40 every weekday. On Sundays there is no ferry." },
  });
  expect(ingested.status()).toBeLessThan(300);
  const { artifact_id } = await ingested.json();

  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Chat" }).click();
  await expect(page.getByText("Ask about your knowledge")).toBeVisible();
  await page.getByLabel("Message").fill("When does the island ferry leave the north pier?");
  await page.keyboard.press("Enter");
  const answer = page.getByRole("listitem").filter({ hasText: "07:40" }).last();
  await expect(answer).toContainText("[1]");
  const chip = answer.getByRole("link", { name: /\[1\] Ferry timetable/ });
  await expect(chip).toBeVisible();
  await expect(chip).toContainText("trusted · 75");
  await expect(page.getByRole("complementary", { name: "Conversations" }).getByRole("button", { name: /When does the island ferry/ })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/chat.png", fullPage: true });
  await chip.click();
  await expect(page).toHaveURL(new RegExp(`/knowledge/${artifact_id}#passage-\\d+$`));
  await expect(page.getByRole("heading", { name: "Ferry timetable" })).toBeVisible();
  const cited = page.locator(":target");
  await expect(cited).toContainText("07:40");
  await expect(page.getByText("SHA-256")).toBeVisible();
  expect(errors).toEqual([]);
});
