import { expect, test, type Page } from "@playwright/test";
import { addSource, apiToken, appPages, expectAccessible, signInAsAdmin, watchConsole } from "./helpers";

// The phone project (playwright.config.ts) runs only this kind of spec: a 390 px touch screen.

/** How far the page is wider than the screen (0: no sideways scrolling). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Elements meant to be tapped that are shorter or narrower than 40 px, by their text (visually hidden ones aside). */
const smallTargets = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().width > 1)
      .map((el) => ({ name: (el.getAttribute("aria-label") || el.textContent || "").trim(), box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 40 || box.width < 40)
      .map(({ name, box }) => `${name} (${Math.round(box.width)}×${Math.round(box.height)})`),
  );

test("@phone every signed-in page fits a 360 and a 390 px screen, without sideways scrolling", async ({ page, request }) => {
  // One test walks every page (twice on the phone): its budget grows with the number of pages, not one page's.
  test.setTimeout(240_000);
  const errors = watchConsole(page);
  const sourceId = await addSource(request, await apiToken(request), {
    title: "A source with a rather long title that has to wrap on a narrow screen",
    content: `Passages wrap too: ${"averyveryverylongwordwithoutanyspacesinit".repeat(3)} and the rest of the sentence.`,
  });
  await signInAsAdmin(page);
  const small: Record<string, string[]> = {};
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 780 });
    for (const { path, heading } of appPages(sourceId)) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeAttached();
      await page.waitForLoadState("networkidle");
      expect(await overflow(page), `${path} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
      // The desktop sidebar gives way to the top bar's menu button.
      await expect(page.getByRole("button", { name: "Menu", exact: true })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
      const found = await smallTargets(page, "main button, main select, main summary, main input:not([type=checkbox]):not([type=radio]):not([type=hidden])");
      if (found.length && width === 360) small[path] = found;
      if (width === 360) await page.screenshot({ path: `test-results/screens/phone${path.replaceAll("/", "-")}.png`, fullPage: true });
    }
  }
  // Buttons and fields are at least 40 px in both directions: a finger can hit them.
  expect(small).toEqual({});
  expect(errors).toEqual([]);
});

test("@phone the menu drawer opens, navigates and closes, by touch and by keyboard", async ({ page }) => {
  const errors = watchConsole(page);
  await signInAsAdmin(page);
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  const drawer = page.getByRole("dialog", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  expect(await smallTargets(page, "header button, header a")).toEqual([]);

  // Touch: open, look, go to Tasks; the drawer closes on the new page.
  await menu.tap();
  await expect(drawer).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const nav = drawer.getByRole("navigation", { name: "Main" });
  for (const item of ["Chat", "Knowledge", "Tasks", "IDE", "Dashboard", "Audit", "Governance", "Security", "Settings", "Sign out"]) {
    await expect(nav.getByRole("link", { name: item, exact: true })).toBeVisible();
  }
  expect(await smallTargets(page, "dialog a, dialog button")).toEqual([]);
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await page.screenshot({ path: "test-results/screens/phone-menu.png" });
  await expectAccessible(page, "the open menu drawer");
  await nav.getByRole("link", { name: "Tasks", exact: true }).tap();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(drawer).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();

  // A tap beside the drawer closes it.
  await menu.tap();
  await expect(drawer).toBeVisible();
  await page.touchscreen.tap(370, 400);
  await expect(drawer).toBeHidden();

  // Keyboard: Enter opens it with focus inside, Tab reaches the links, Enter follows one.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("button", { name: "Close menu" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Chat", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Knowledge", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/knowledge$/);
  await expect(drawer).toBeHidden();

  // Esc closes it and gives focus back to the menu button; so does the close button.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(drawer).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter"); // focus starts on "Close menu"
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();
  expect(errors).toEqual([]);
});
