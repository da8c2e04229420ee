import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { addSource, apiToken, expectAccessible, signInAsAdmin, watchConsole } from "./helpers";

// The chat page as people use chat apps: addresses, scrolling, the list, Markdown answers,
// Stop, and the keyboard.

/** Asks through the API (no page involved); the conversation's id. */
async function ask(request: APIRequestContext, token: string, message: string, conversation_id?: number): Promise<number> {
  const res = await request.post("/api/chat", { headers: { Authorization: `Bearer ${token}` }, data: { message, conversation_id } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).conversation_id as number;
}

/** How far the conversation pane is from its end, in px (0: at the end). */
const fromEnd = (page: Page) =>
  page
    .getByRole("region", { name: "Conversation" })
    .locator(".overflow-y-auto")
    .evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);

test("chat: a conversation has an address: Back from a citation, a reload and a shared link return to it", async ({ page, request }) => {
  const errors = watchConsole(page);
  await addSource(request, await apiToken(request), { title: "Lighthouse keeper", content: "The Skerry lighthouse lamp is lit at 18:15 in winter." });
  await signInAsAdmin(page);
  await page.goto("/chat");
  await expect(page.getByRole("heading", { level: 1, name: "Chat" })).toBeAttached();
  await page.getByLabel("Message").fill("When is the Skerry lighthouse lamp lit?");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/chat\/\d+$/);
  const address = page.url();
  const list = page.getByRole("complementary", { name: "Conversations" });
  await expect(list.getByRole("link", { name: /When is the Skerry lighthouse/ })).toHaveAttribute("aria-current", "page");

  // The chip inline where the [1] marker is opens the passage; Back returns to the conversation.
  const answer = page.getByRole("region", { name: "Conversation" }).getByRole("listitem").filter({ hasText: "18:15" }).last();
  await answer.getByRole("link", { name: "[1], source: Lighthouse keeper" }).click();
  await expect(page).toHaveURL(/\/knowledge\/\d+#passage-\d+$/);
  await page.goBack();
  await expect(page).toHaveURL(address);
  await expect(page.getByRole("region", { name: "Conversation" }).getByText("18:15").first()).toBeVisible();

  await page.reload();
  await expect(page.getByRole("region", { name: "Conversation" }).getByText("18:15").first()).toBeVisible();
  await expect(list.getByRole("link", { name: /When is the Skerry lighthouse/ })).toHaveAttribute("aria-current", "page");

  // A shared link opens it in a fresh page; /chat is a new conversation; a wrong id says so.
  const other = await page.context().newPage();
  await other.goto(address);
  await expect(other.getByRole("region", { name: "Conversation" }).getByText("18:15").first()).toBeVisible();
  await other.close();
  await page.getByRole("link", { name: "New conversation" }).click();
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByText("Ask about your knowledge")).toBeVisible();
  await page.goto("/chat/999999");
  await expect(page.getByText("This conversation could not be found")).toBeVisible();
  // The browser logs the expected 404 of /chat/999999's messages.
  expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
});

test("chat: a conversation opens at its end, follows new answers, and offers Jump to latest after scrolling up", async ({ page, request }) => {
  const errors = watchConsole(page);
  const token = await apiToken(request);
  const id = await ask(request, token, "hello there");
  for (let i = 1; i < 14; i++) await ask(request, token, "hello there", id);
  await signInAsAdmin(page);
  await page.goto(`/chat/${id}`);
  const answers = page.getByRole("region", { name: "Conversation" }).getByRole("listitem").filter({ hasText: "Hello! Ask me" });
  await expect(answers).toHaveCount(14);
  await expect.poll(() => fromEnd(page)).toBeLessThanOrEqual(1);

  // Scrolled up to read: a new answer doesn't pull the reader down; the button does.
  const pane = page.getByRole("region", { name: "Conversation" }).locator(".overflow-y-auto");
  await pane.evaluate((el) => el.scrollTo({ top: 0 }));
  const jump = page.getByRole("button", { name: /Jump to latest/ });
  await expect(jump).toBeVisible();
  await jump.click();
  await expect.poll(() => fromEnd(page)).toBeLessThanOrEqual(1);
  await expect(jump).toBeHidden();

  // At the end, a new answer is followed.
  await page.getByLabel("Message").fill("hello there");
  await page.keyboard.press("Enter");
  await expect(answers).toHaveCount(15);
  await expect.poll(() => fromEnd(page)).toBeLessThanOrEqual(1);
  await expect(jump).toBeHidden();
  expect(errors).toEqual([]);
});

test("chat: the list is grouped by date, tells similar titles apart, renames, deletes and searches", async ({ page, request }) => {
  const errors = watchConsole(page);
  const token = await apiToken(request);
  await ask(request, token, "What temperature does the boiler in the basement run at?");
  await ask(request, token, "What temperature does the freezer in the kitchen hold?");
  await ask(request, token, "What temperature does the boiler in the basement run at?");
  const ferry = await ask(request, token, "hi");
  await ask(request, token, "Which quay does the Brannock ferry use?", ferry);
  await signInAsAdmin(page);
  await page.goto("/chat");
  const list = page.getByRole("complementary", { name: "Conversations" });
  await expect(list.getByRole("heading", { name: "Today" })).toBeVisible();
  const rows = list.getByRole("link", { name: /^What (temperature|…) / });
  await expect(rows).toHaveCount(3);
  // Told apart by what shows: different labels, none cut off by the two-line clamp.
  const shown = await rows.evaluateAll((els) => els.map((el) => el.querySelector(".line-clamp-2") as HTMLElement).map((label) => ({ text: label.textContent!, clamped: label.scrollHeight > label.clientHeight + 1 })));
  expect(shown.filter((l) => l.clamped)).toEqual([]);
  const names = shown.map((l) => l.text);
  expect(new Set(names).size).toBe(3);
  expect(names.some((n) => n.includes("freezer"))).toBe(true);
  await page.screenshot({ path: "test-results/screens/chat-list.png" });

  // Search finds words in later messages too, not only titles.
  await list.getByLabel("Search conversations").fill("brannock");
  await expect(list.locator("li").getByRole("link")).toHaveCount(1);
  await expect(list.getByRole("link", { name: /^hi/ })).toBeVisible();
  await list.getByLabel("Search conversations").fill("no conversation says this");
  await expect(list.getByText("No conversation mentions that.")).toBeVisible();
  await list.getByLabel("Search conversations").fill("");

  // Rename in place, then delete.
  await list.getByRole("button", { name: /^Rename .*freezer/ }).click();
  await list.getByLabel("New title").fill("Kitchen freezer");
  await page.keyboard.press("Enter");
  await expect(list.getByRole("link", { name: /^Kitchen freezer/ })).toBeVisible();
  await list.getByRole("button", { name: "Delete Kitchen freezer" }).click();
  await list.getByRole("group", { name: "Delete Kitchen freezer?" }).getByRole("button", { name: "Delete" }).click();
  await expect(list.getByRole("link", { name: /^Kitchen freezer/ })).toHaveCount(0);
  await expect(rows).toHaveCount(2);
  await page.reload();
  await expect(list.getByRole("link", { name: /^What (temperature|…) / })).toHaveCount(2);
  await expect(list.getByRole("link", { name: /^Kitchen freezer/ })).toHaveCount(0);
  await expectAccessible(page, "the chat list");
  expect(errors).toEqual([]);
});

test("chat: answers render as sanitized Markdown with inline citation chips, code copy and the engine noted", async ({ page, context, request }) => {
  const errors = watchConsole(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await addSource(request, await apiToken(request), { title: "Kiln manual", content: "The kiln reaches 1280 degrees in the glaze firing." });
  await signInAsAdmin(page);
  await page.goto("/chat");
  // The answer's text as the API lists it is replaced with Markdown that holds raw HTML: it
  // must show as formatting, never as live HTML.
  const markdown = [
    "The kiln gets **very hot**: 1280 degrees [1].",
    "",
    "- first point",
    "- second point",
    "",
    "```sh",
    "echo fired [1]",
    "```",
    "",
    '<img src="x" onerror="window.__pwned = 1"> <script>window.__pwned = 2</script> [evil](javascript:alert(1))',
  ].join("\n");
  await page.route("**/api/chat/conversations/*/messages*", async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    for (const m of body.items) if (m.role === "grace") m.content = markdown;
    await route.fulfill({ response, json: body });
  });
  await page.getByLabel("Message").fill("How hot does the kiln get in the glaze firing?");
  await page.keyboard.press("Enter");
  const answer = page.getByRole("region", { name: "Conversation" }).getByRole("listitem").filter({ hasText: "very hot" }).last();
  await expect(answer.locator("strong")).toHaveText("very hot");
  await expect(answer.locator("ul li").filter({ hasText: "second point" })).toBeVisible();
  // The [1] in prose is a chip to the passage; the one in code stays code.
  const chip = answer.getByRole("link", { name: "[1], source: Kiln manual" });
  await expect(chip).toHaveCount(1);
  await expect(chip).toHaveAttribute("href", /^\/knowledge\/\d+#passage-\d+$/);
  await expect(answer.locator("pre")).toContainText("echo fired [1]");
  await answer.getByRole("button", { name: "Copy code" }).click();
  await expect(answer.getByRole("button", { name: "Copied" })).toBeVisible();
  expect((await page.evaluate(() => navigator.clipboard.readText())).trim()).toBe("echo fired [1]");
  // No raw HTML, no script URL.
  await expect(answer.locator("img, script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(answer.locator('a[href^="javascript"]')).toHaveCount(0);
  // Which engine answered, said quietly.
  await expect(answer.getByTitle("Written by Grace's built-in engine from your sources.")).toHaveText(/^Answered by: built-in$/);
  await page.screenshot({ path: "test-results/screens/chat-markdown.png" });
  await expectAccessible(page, "a chat answer");
  expect(errors).toEqual([]);
});

test("chat: Stop (or Esc) cancels an answer that is streaming, and the question is not lost", async ({ page }) => {
  const errors = watchConsole(page);
  await signInAsAdmin(page);
  await page.goto("/chat");
  // The built-in engine answers at once: this stream never starts, as a slow model's might.
  await page.route("**/api/chat/stream", () => {});
  const aborted: string[] = [];
  page.on("requestfailed", (r) => {
    if (r.url().endsWith("/api/chat/stream")) aborted.push(r.failure()?.errorText ?? "");
  });
  await page.getByLabel("Message").fill("a question that takes long");
  await page.keyboard.press("Enter");
  const stop = page.getByRole("button", { name: "Stop" });
  await expect(stop).toBeVisible();
  await expect(page.getByText("Grace is answering…")).toBeVisible();
  await stop.click();
  await expect.poll(() => aborted.length).toBe(1);
  // Nothing was saved for a request that never reached Grace: the question returns to the input
  // once Grace has looked for the saved turn a few times.
  await expect(page.getByLabel("Message")).toHaveValue("a question that takes long", { timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible();
  await expect(page.getByLabel("Message")).toBeFocused();

  // Esc does the same.
  await page.getByLabel("Message").press("Enter");
  await expect(stop).toBeVisible();
  await page.keyboard.press("Escape");
  await expect.poll(() => aborted.length).toBe(2);
  await expect(page.getByLabel("Message")).toHaveValue("a question that takes long", { timeout: 20_000 });
  // The browser reports the cancelled request as a failed load: expected.
  expect(errors.filter((e) => !/ERR_ABORTED|aborted/i.test(e))).toEqual([]);
});

test("chat: keyboard: focus starts in the input, / and Ctrl+K return to it, Up recalls the last question", async ({ page }) => {
  const errors = watchConsole(page);
  await signInAsAdmin(page);
  await page.goto("/chat");
  const input = page.getByLabel("Message");
  await expect(input).toBeFocused();
  await input.fill("hello there");
  await page.keyboard.press("Enter");
  const conversation = page.getByRole("region", { name: "Conversation" });
  await expect(conversation.getByRole("listitem").filter({ hasText: "Hello! Ask me" })).toHaveCount(1);
  await expect(page).toHaveURL(/\/chat\/\d+$/);

  await page.getByRole("heading", { level: 2 }).first().click(); // somewhere that is not a field
  await expect(input).not.toBeFocused();
  await page.keyboard.press("/");
  await expect(input).toBeFocused();
  await expect(input).toHaveValue("");
  await page.getByRole("complementary", { name: "Conversations" }).getByLabel("Search conversations").focus();
  await page.keyboard.press("Control+k");
  await expect(input).toBeFocused();

  // Up in the empty input: the last question, sent again as a new turn.
  await page.keyboard.press("ArrowUp");
  await expect(input).toHaveValue("hello there");
  await page.keyboard.press("Enter");
  await expect(conversation.getByRole("listitem").filter({ hasText: "Hello! Ask me" })).toHaveCount(2);
  await expect(conversation.getByRole("listitem").filter({ hasText: /^hello there$/ })).toHaveCount(2);
  expect(errors).toEqual([]);
});

test("@phone chat: the input stays at the bottom of a 390 px screen, usable, and the list opens as a drawer", async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 390, height: 780 });
  await signInAsAdmin(page);
  await page.goto("/chat");
  const input = page.getByLabel("Message");
  const send = page.getByRole("button", { name: "Send" });
  await input.fill("good morning grace");
  const box = (await send.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(box.y + box.height).toBeLessThanOrEqual(780);
  expect(box.height).toBeGreaterThanOrEqual(40);
  await send.tap();
  await expect(page.getByRole("listitem").filter({ hasText: "Hello! Ask me" })).toBeVisible();
  // Still pinned to the bottom of the screen after the answer came.
  const inputBox = (await input.boundingBox())!;
  expect(inputBox.y + inputBox.height).toBeGreaterThan(780 - 120);
  expect(inputBox.y + inputBox.height).toBeLessThanOrEqual(780);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  const list = page.getByRole("complementary", { name: "Conversations" });
  await expect(list).toBeHidden();
  await page.getByRole("button", { name: "Conversations" }).tap();
  await expect(list.getByRole("link", { name: /^good morning grace/ })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/phone-chat-list.png" });
  await list.getByRole("button", { name: "Close" }).tap();
  await expect(list).toBeHidden();
  await page.getByRole("button", { name: "Conversations" }).tap();
  await expect(list).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(list).toBeHidden();
  await page.screenshot({ path: "test-results/screens/phone-chat.png" });
  expect(errors).toEqual([]);
});
