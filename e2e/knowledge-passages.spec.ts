import { expect, test } from "@playwright/test";
import { apiToken, signInAsAdmin, watchConsole } from "./helpers";

const markdown = [
  "Notes kept by the harbour office.",
  "",
  "# Harbour *seals* of the Wadden Sea",
  "",
  "Harbour seals **haul out** on the sandbanks at low tide.",
  "",
  "- pups are born in June",
  "- they moult in August",
  "",
  "<script>window.injected = true</script><b>raw html</b>",
].join("\n");

test("a Markdown file: titled by its heading, shown rendered; a search result opens its passage, highlighted", async ({ page, request }) => {
  const errors = watchConsole(page);
  const token = await apiToken(request);
  const stamp = Date.now();
  const uploaded = await request.post("/api/ingest/file", {
    headers: { Authorization: `Bearer ${token}` },
    multipart: { file: { name: `seals-${stamp}.md`, mimeType: "text/markdown", buffer: Buffer.from(markdown) }, domain: "harbour" },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);

  await signInAsAdmin(page);
  await page.goto("/knowledge");
  await page.getByLabel("Search knowledge").fill("when do seals haul out on sandbanks");
  await page.getByRole("button", { name: "Search" }).click();
  const hit = page.getByRole("region", { name: "Search" }).getByRole("listitem").first();
  // The result names its source by title, with its trust badge, and links to the passage.
  const link = hit.getByRole("link", { name: "Harbour seals of the Wadden Sea" });
  await expect(link).toBeVisible();
  await expect(hit.getByText("trusted · 75")).toBeVisible();
  await expect(link).toHaveAttribute("href", /^\/knowledge\/\d+#passage-\d+$/);
  await link.click();

  await expect(page).toHaveURL(/\/knowledge\/\d+#passage-\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Harbour seals of the Wadden Sea" })).toBeVisible();
  const passageId = new URL(page.url()).hash.slice(1);
  const target = page.locator(`[id="${passageId}"]`);
  await expect(target).toHaveAttribute("data-target-passage", "true");
  await expect(target).toBeInViewport();
  await expect(target).toContainText("haul out");

  // Markdown rendered: a heading, bold text and a list, no raw "#" or "**"; HTML shown as text, never run.
  const passages = page.getByRole("article", { name: "Passages" });
  await expect(passages.getByRole("heading", { name: "Harbour seals of the Wadden Sea" })).toBeVisible();
  await expect(passages.locator("strong", { hasText: "haul out" })).toBeVisible();
  await expect(passages.getByRole("listitem").filter({ hasText: "pups are born in June" })).toBeVisible();
  await expect(passages).not.toContainText("# Harbour");
  await expect(passages).not.toContainText("**haul out**");
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  await expect(passages.locator("script")).toHaveCount(0);
  await expect(passages.locator("b", { hasText: "raw html" })).toHaveCount(0);
  await expect(passages.getByText("<script>window.injected = true</script><b>raw html</b>")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/knowledge-passage.png", fullPage: true });

  // Opened directly (a shared link), the passage is highlighted too.
  await page.reload();
  await expect(page.locator(`[id="${passageId}"]`)).toHaveAttribute("data-target-passage", "true");
  expect(errors).toEqual([]);
});

test("a web address that does not exist: said in plain words, the technical code on a detail line", async ({ page }) => {
  const errors = watchConsole(page);
  await signInAsAdmin(page);
  await page.goto("/knowledge");
  const web = page.getByRole("region", { name: "Add a web page" });
  await web.getByLabel("URL").fill("http://no-such-host.invalid/page");
  await web.getByRole("button", { name: "Add page" }).click();
  const alert = web.getByRole("alert");
  await expect(alert).toContainText("Could not add http://no-such-host.invalid/page", { timeout: 20_000 });
  await expect(alert).toContainText("The address could not be found");
  await expect(alert.getByText(/^Technical detail: ENOTFOUND/)).toBeVisible();
  await alert.screenshot({ path: "test-results/screens/knowledge-url-error.png" });
  // The 422 is logged by the browser as a failed resource load: expected.
  expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
});
