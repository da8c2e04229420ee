import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { apiToken, expectAccessible, signInAsAdmin, watchConsole } from "./helpers";

// The IDE against the real sandbox: the worker runs the code under bubblewrap, a failed run opens
// a code issue with a fix, and applying the fix edits the stored file.

const unique = (stem: string) => `${stem}-${Date.now().toString(36)}.py`;

/** Requests the page makes to any other origin (Monaco's default loader would fetch from a CDN). */
function watchOtherOrigins(page: Page, baseURL: string) {
  const others: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) others.push(r.url());
  });
  return others;
}

/** The editor's text as it shows it (Monaco renders only what it lays out: fine for a few lines). */
const editorText = (page: Page) => page.getByRole("region", { name: "Editor" }).locator(".view-lines");

test("IDE: a failing Python file is run, its issue is fixed with Apply fix, and it runs again", async ({ page, baseURL }) => {
  const errors = watchConsole(page);
  const others = watchOtherOrigins(page, baseURL!);
  const file = unique("roots");
  await signInAsAdmin(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "IDE", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "IDE" })).toBeVisible();

  // A new file, typed into the editor: math is used but never imported.
  const files = page.getByRole("region", { name: "Files" });
  await files.getByRole("button", { name: "New file" }).click();
  await files.getByLabel("File name").fill(file);
  await files.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("list", { name: "Open files" }).getByRole("button", { name: file, exact: true })).toHaveAttribute("aria-current", "true");
  await expect(page.getByLabel("Language")).toHaveValue("python");
  await editorText(page).click();
  // insertText, not key presses: the editor's auto-closing brackets would double typed ones (and
  // it indents each new line as the one before, so the programs here need no indentation).
  await page.keyboard.insertText('print("square root of 16:")\nprint(math.sqrt(16))');
  const tab = page.getByRole("list", { name: "Open files" }).getByRole("button", { name: `${file} (unsaved changes)` });
  await expect(tab).toBeVisible();
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByRole("status").filter({ hasText: `Saved ${file}.` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Open files" }).getByRole("button", { name: file, exact: true })).toBeVisible();

  // Run from the keyboard: stdout and stderr apart, the status and exit code shown.
  await page.keyboard.press("ControlOrMeta+Enter");
  const console_ = page.getByRole("region", { name: "Console" });
  await expect(console_.getByRole("region", { name: "Standard error" })).toContainText("NameError", { timeout: 30_000 });
  await expect(console_.getByRole("region", { name: "Standard output" })).toContainText("square root of 16:");
  await expect(console_.getByText("runtime error", { exact: true })).toBeVisible();
  await expect(console_.getByText(/CPU \d+ s · wall \d+ s · memory \d+ MB/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Run history" }).getByRole("button", { name: new RegExp(`${file}.*runtime error`) })).toBeVisible();

  // The issue Grace opened for the failed run, with its line, in the panel and the editor's gutter.
  const issue = page.getByRole("list", { name: "Open issues" }).getByRole("listitem").filter({ hasText: file });
  await expect(issue).toBeVisible();
  await expect(issue).toContainText("math");
  await expect(issue.getByRole("button", { name: `${file}:2` })).toBeVisible();
  await expect(page.getByRole("list", { name: `Problems in ${file}` })).toContainText("Line 2");
  await expect(page.getByRole("region", { name: "Editor" }).locator(".ide-gutter-error").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/ide-failed.png", fullPage: true });
  await expectAccessible(page, "the IDE with a failed run and its issue");

  // Apply fix edits the stored file; the tab shows the new content, saved.
  await issue.getByRole("button", { name: "Apply fix" }).click();
  await expect(editorText(page)).toContainText("import math");
  await expect(page.getByRole("list", { name: "Open files" }).getByRole("button", { name: file, exact: true })).toBeVisible();
  await expect(issue).toHaveCount(0);
  const applied = page.getByRole("list", { name: "Fixes applied" }).getByRole("listitem").filter({ hasText: file }).getByRole("button", { name: /^Undo the fix/ });
  await expect(applied).toBeVisible();

  // Run again (the button this time): the output, status ok, exit code 0.
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(console_.getByRole("region", { name: "Standard output" })).toContainText("4.0", { timeout: 30_000 });
  await expect(console_.getByText("ok", { exact: true })).toBeVisible();
  await expect(console_.getByRole("region", { name: "Standard error" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Editor" }).locator(".ide-gutter-error")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/ide-fixed.png", fullPage: true });

  // Undo puts the file back as it was before the fix.
  await applied.click();
  await expect(applied).toHaveCount(0);
  await expect(editorText(page)).not.toContainText("import math");
  await expect(editorText(page)).toContainText("math.sqrt(16)");

  expect(others).toEqual([]);
  expect(errors).toEqual([]);
});

test("IDE: files are created from the empty state, renamed and deleted after a confirmation; Stop ends a run", async ({ page, request }) => {
  const errors = watchConsole(page);
  const token = await apiToken(request);
  const auth = { Authorization: `Bearer ${token}` };
  // Other specs may have left files: start from an empty workspace, as a new user would.
  expect((await request.post("/api/sandbox/reset", { headers: auth })).status()).toBe(200);
  await signInAsAdmin(page);
  await page.goto("/ide");
  await expect(page.getByRole("heading", { name: "No files yet" })).toBeVisible();
  await page.getByRole("button", { name: "Create main.py" }).click();
  await expect(editorText(page)).toContainText("Hello, world!");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const console_ = page.getByRole("region", { name: "Console" });
  await expect(console_.getByRole("region", { name: "Standard output" })).toContainText("Hello, world!", { timeout: 30_000 });

  const files = page.getByRole("region", { name: "Files" });
  await files.getByRole("button", { name: "Rename main.py" }).click();
  await files.getByLabel("New path for main.py").fill("hello.py");
  await files.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(files.getByRole("button", { name: "hello.py", exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Open files" }).getByRole("button", { name: "hello.py", exact: true })).toBeVisible();

  // A long run streams its output as it goes and stops on Stop.
  await editorText(page).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText("import time\nfor i in range(600): print('tick', i, flush=True); time.sleep(0.05)\n");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(console_.getByRole("progressbar")).toBeVisible();
  await expect(console_.getByRole("region", { name: "Standard output" })).toContainText("tick 3", { timeout: 30_000 });
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(console_.getByText("stopped", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(console_.getByRole("progressbar")).toHaveCount(0);
  await expect(console_.getByRole("region", { name: "Standard output" })).not.toContainText("tick 599");

  // Delete asks first; Cancel keeps the file, Delete removes it and closes its tab.
  await files.getByRole("button", { name: "Delete hello.py" }).click();
  await files.getByRole("button", { name: "Cancel" }).click();
  // (The buffer was changed and never saved: the file is marked so in the list.)
  await expect(files.getByRole("button", { name: "hello.py (unsaved changes)", exact: true })).toBeVisible();
  await files.getByRole("button", { name: "Delete hello.py" }).click();
  await expect(files.getByText("This cannot be undone.")).toBeVisible();
  await files.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("heading", { name: "No files yet" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Open files" })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("IDE: a run keeps the files it writes when asked, and they join the file tree", async ({ page }) => {
  const errors = watchConsole(page);
  const file = unique("writer");
  const written = file.replace(/\.py$/, ".txt");
  await signInAsAdmin(page);
  await page.goto("/ide");
  const files = page.getByRole("region", { name: "Files" });
  await files.getByRole("button", { name: "New file" }).click();
  await files.getByLabel("File name").fill(file);
  await files.getByRole("button", { name: "Create", exact: true }).click();
  await editorText(page).click();
  await page.keyboard.insertText(`open("${written}", "w").write("kept by the run")\nprint("wrote it")`);
  const console_ = page.getByRole("region", { name: "Console" });

  // Not asked: the file is named, not kept.
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(console_.getByText(`Files the run wrote (not kept): ${written}`)).toBeVisible({ timeout: 30_000 });
  await expect(files.getByRole("button", { name: written, exact: true })).toHaveCount(0);

  // Asked: kept, and in the tree at once, with what the program wrote.
  await console_.getByLabel("Keep the files the program writes (they join your files)").check();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(console_.getByRole("listitem").filter({ hasText: written })).toContainText("kept", { timeout: 30_000 });
  await page.screenshot({ path: "test-results/screens/ide-kept-files.png", fullPage: true });
  await files.getByRole("button", { name: written, exact: true }).click();
  await expect(editorText(page)).toContainText("kept by the run");
  expect(errors).toEqual([]);
});

test("IDE: Monaco is in no page's first-load JavaScript, the IDE's included", () => {
  // From the production build the suite runs against: each page's entry chunks (client reference
  // manifests) and the framework's root chunks must not hold the editor, which only the IDE
  // fetches, when it renders one.
  const next = path.join(process.cwd(), ".next");
  const chunks = readdirSync(path.join(next, "static", "chunks")).filter((f) => f.endsWith(".js"));
  const monaco = chunks.filter((f) => readFileSync(path.join(next, "static", "chunks", f), "utf8").includes("MonacoEnvironment")).map((f) => `static/chunks/${f}`);
  expect(monaco.length, "the build has Monaco's chunks").toBeGreaterThan(0);
  const root = (JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] }).rootMainFiles;
  const routes = Object.keys(JSON.parse(readFileSync(path.join(next, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>).filter((r) => r.endsWith("/page"));
  expect(routes).toContain("/(app)/ide/page");
  for (const route of routes) {
    const holder = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }> };
    new Function("globalThis", readFileSync(path.join(next, "server", "app", `${route}_client-reference-manifest.js`), "utf8"))(holder);
    const entry = new Set([...root, ...Object.values(holder.__RSC_MANIFEST).flatMap((m) => Object.values(m.entryJSFiles).flat())]);
    expect(monaco.filter((f) => entry.has(f)), `first-load JS of ${route}`).toEqual([]);
  }
});

test("@phone IDE: a file can be read and run on a 390 px phone", async ({ page, request, baseURL }) => {
  const errors = watchConsole(page);
  const others = watchOtherOrigins(page, baseURL!);
  const token = await apiToken(request);
  const file = unique("greet");
  const write = await request.post("/api/sandbox/write", {
    headers: { Authorization: `Bearer ${token}` },
    data: { file_path: file, content: 'name = input()\nprint(f"Hello, {name}! This line is long enough that a phone has to wrap it to show all of it.")\n' },
  });
  expect(write.status(), await write.text()).toBe(201);
  await signInAsAdmin(page);
  await page.goto("/ide");
  await expect(page.getByRole("heading", { level: 1, name: "IDE" })).toBeVisible();
  await page.getByRole("region", { name: "Files" }).getByRole("button", { name: file, exact: true }).tap();
  const editor = page.getByRole("region", { name: "Editor" });
  await expect(editorText(page)).toContainText("name = input()");
  // The editor takes the screen's width and wraps long lines rather than scrolling sideways.
  const box = (await editor.boundingBox())!;
  expect(box.width).toBeGreaterThan(330);
  await expect(editorText(page)).toContainText("show all of it.");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  await page.getByLabel("Input (stdin)").fill("Ada");
  await page.getByRole("button", { name: "Run", exact: true }).tap();
  const console_ = page.getByRole("region", { name: "Console" });
  await expect(console_.getByRole("region", { name: "Standard output" })).toContainText("Hello, Ada!", { timeout: 30_000 });
  await expect(console_.getByText("ok", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/ide-phone.png", fullPage: true });
  await expectAccessible(page, "the IDE on a phone");
  expect(others).toEqual([]);
  expect(errors).toEqual([]);
});
