import { expect, test } from "@playwright/test";
import { adminPassword, signInAsAdmin, watchConsole } from "./helpers";

test("chat: a question answered in part says what it doesn't know, cites what it does, and is marked partly answered", async ({ page, request }) => {
  const errors = watchConsole(page);
  const login = await request.post("/api/auth/login", { data: { username: "admin", password: adminPassword } });
  const auth = { Authorization: `Bearer ${(await login.json()).access_token}` };
  const ingested = await request.post("/api/ingest/text", {
    headers: auth,
    data: { title: "Korvath coolant", content: "# Korvath coolant\n\nKorvath coolant is a glycol-free blend made in Lisk Ferry.\n\n- It flows at 14 litres per minute in a standard loop.\n- Its freezing point is -41 °C." },
  });
  expect(ingested.status()).toBeLessThan(300);

  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Chat" }).click();
  await page.getByLabel("Message").fill("What are the freezing point and the boiling point of Korvath coolant?");
  await page.keyboard.press("Enter");
  const answer = page.getByRole("listitem").filter({ hasText: "I don't know the boiling point of Korvath coolant" }).last();
  await expect(answer).toContainText("Its freezing point is -41 °C. [1]");
  await expect(answer.getByRole("link", { name: /\[1\] Korvath coolant/ })).toBeVisible();
  await expect(answer.getByText("Partly answered")).toBeVisible();
  // The heading and the list marker are not quoted as sentences.
  await expect(answer).not.toContainText("# Korvath");
  await expect(answer).not.toContainText("- Its");
  await page.screenshot({ path: "test-results/screens/chat-partial.png", fullPage: true });
  // The status is stored with the answer: after a reload the conversation (its address) still says so.
  await expect(page).toHaveURL(/\/chat\/\d+$/);
  await page.reload();
  const reloaded = page.getByRole("listitem").filter({ hasText: "I don't know the boiling point of Korvath coolant" }).last();
  await expect(reloaded.getByText("Partly answered")).toBeVisible();
  expect(errors).toEqual([]);
});
