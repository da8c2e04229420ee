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
  await expect(page.getByRole("complementary", { name: "Conversations" }).getByRole("link", { name: /When does the island ferry/ })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/chat.png", fullPage: true });
  await chip.click();
  await expect(page).toHaveURL(new RegExp(`/knowledge/${artifact_id}#passage-\\d+$`));
  await expect(page.getByRole("heading", { name: "Ferry timetable" })).toBeVisible();
  const cited = page.locator(":target");
  await expect(cited).toContainText("07:40");
  await expect(page.getByText("SHA-256")).toBeVisible();
  expect(errors).toEqual([]);
});

test("chat: a failed send keeps the message and Retry sends it again", async ({ page }) => {
  const errors = watchConsole(page);
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Chat" }).click();
  // The first attempt meets an outage; the retry goes through to Grace.
  let refused = false;
  await page.route("**/api/chat/stream", async (route) => {
    if (refused) return route.fallback();
    refused = true;
    await route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "read_only", message: "Grace is in read_only mode: try again shortly" } }) });
  });
  const conversation = page.getByRole("region", { name: "Conversation" });
  await page.getByLabel("Message").fill("hello there");
  await page.keyboard.press("Enter");
  await expect(conversation.getByRole("alert")).toContainText("try again shortly");
  await expect(page.getByLabel("Message")).toHaveValue("hello there");
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Hello! Ask me anything" }).last()).toBeVisible();
  await expect(conversation.getByRole("alert")).toHaveCount(0);
  // The browser logs the intercepted 503 as a failed resource load: expected.
  expect(errors.filter((e) => !/status of 503/.test(e))).toEqual([]);
});

test("chat: an answer its reader left is marked stopped", async ({ page }) => {
  const errors = watchConsole(page);
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Chat" }).click();
  // The built-in engine answers at once, so no answer here is really left midway (the
  // integration suite makes real ones with a slow model): the conversation's messages come
  // back as the API lists an interrupted answer, cut short and marked.
  const listed: unknown[] = [];
  await page.route("**/api/chat/conversations/*/messages*", async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    for (const m of body.items) {
      listed.push(m.interrupted);
      if (m.role === "grace") Object.assign(m, { content: m.content.split(" ").slice(0, 3).join(" "), interrupted: true });
    }
    await route.fulfill({ response, json: body });
  });
  await page.getByLabel("Message").fill("hello there");
  await page.keyboard.press("Enter");
  const answer = page.getByRole("region", { name: "Conversation" }).getByRole("listitem").filter({ hasText: "Hello! Ask me" }).last();
  await expect(answer.getByText("stopped", { exact: true })).toBeVisible();
  await expect(answer).not.toContainText("anything");
  // The real API lists the flag on every message; none of these was left.
  expect(listed.length).toBeGreaterThan(0);
  expect(listed.every((v) => v === false)).toBe(true);
  await page.screenshot({ path: "test-results/screens/chat-stopped.png", fullPage: true });
  expect(errors).toEqual([]);
});
