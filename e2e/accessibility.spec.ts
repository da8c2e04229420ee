import { expect, test } from "@playwright/test";
import { accessibilityProblems, addSource, apiToken, appPages, expectAccessible, signIn, signInAsAdmin, watchConsole } from "./helpers";

// axe-core on every page, signed out and signed in: no serious or critical WCAG violation.

test("the sign-in, closed sign-up and sign-out pages are accessible", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/login");
  await expectAccessible(page, "/login");
  await page.goto("/register");
  await expectAccessible(page, "/register");
  await signInAsAdmin(page);
  await page.goto("/logout");
  await expectAccessible(page, "/logout");
  expect(errors).toEqual([]);
});

test("every signed-in page is accessible", async ({ page, request }) => {
  // One test walks every page (twice on the phone): its budget grows with the number of pages, not one page's.
  test.setTimeout(240_000);
  const errors = watchConsole(page);
  const token = await apiToken(request);
  const sourceId = await addSource(request, token, { title: "Accessible source", content: "Ramps help everyone. Captions help everyone too." });
  // A second version, so that the view of an older one is checked too.
  const edit = await request.patch(`/api/knowledge/artifacts/${sourceId}`, { headers: { Authorization: `Bearer ${token}` }, data: { content: "Ramps help everyone.", reason: "shorter" } });
  expect(edit.status(), await edit.text()).toBe(200);
  await signInAsAdmin(page);
  // Every page is checked before the test fails, so one run lists all that is wrong.
  const problems: Record<string, string[]> = {};
  for (const { path, heading } of [
    ...appPages(sourceId),
    { path: `/knowledge/${sourceId}?version=1`, heading: /./ },
    { path: "/knowledge/999999", heading: /404|not found/i },
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeAttached();
    await page.waitForLoadState("networkidle");
    const found = await accessibilityProblems(page);
    if (found.length) problems[path] = found;
  }
  expect(problems).toEqual({});
  // The browser logs the missing source's 404 itself: expected.
  expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
});

test("the page a temporary password leads to is accessible", async ({ page, request }) => {
  const token = await apiToken(request);
  const username = `axe${Date.now().toString(36)}`;
  const res = await request.post("/api/users", { headers: { Authorization: `Bearer ${token}` }, data: { username, password: "temporary pass 1", role: "user" } });
  expect(res.status(), await res.text()).toBe(201);
  await signIn(page, username, "temporary pass 1");
  await expect(page).toHaveURL(/\/change-password/);
  await expectAccessible(page, "/change-password");
});

test("keyboard focus is visible: a skip link first, then an outline on whatever has focus", async ({ page }) => {
  await signInAsAdmin(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe("none");
  expect(outline.width).toBeGreaterThanOrEqual(2);
});
