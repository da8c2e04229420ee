import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAsAdmin, watchConsole } from "./helpers";

const SESSION_COOKIE = "grace.session-token";

/** The browser's own line for a refusal the page then shows (422: a reserved name, a wrong password) is expected. */
const unexpected = (errors: string[]) => errors.filter((e) => !/the server responded with a status of 422/.test(e));

async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie, "signed in: the browser holds a session cookie").toBeTruthy();
  return `${SESSION_COOKIE}=${cookie!.value}`;
}

test("an account's life: created with a temporary password, changed at first sign-in, signed out for good, disabled", async ({ page, browser, request }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  const adminErrors = watchConsole(page);
  await signInAsAdmin(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  for (const name of ["Password", "Sessions", "API tokens", "Users"]) await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Accounts" }).getByRole("row", { name: /admin \(you\)/ })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/settings.png", fullPage: true });

  // Refused input is shown, not swallowed.
  await page.getByLabel("Username", { exact: true }).fill("Health-Loop");
  await page.getByLabel("Temporary password", { exact: true }).fill("temporary pass 1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "reserved" })).toHaveText("Username is reserved");

  const username = `sam${Date.now().toString(36)}`;
  await page.getByLabel("Username", { exact: true }).fill(username);
  await page.getByLabel("Role", { exact: true }).selectOption("user");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Account ${username} created` })).toBeVisible();
  const row = page.getByRole("table", { name: "Accounts" }).getByRole("row", { name: new RegExp(username) });
  await expect(row.getByText("Must change password")).toBeVisible();
  await page.getByRole("heading", { name: "Users", exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/settings-users.png", fullPage: true });
  await page.getByRole("button", { name: `Set a temporary password for ${username}` }).click();
  await expect(page.getByRole("textbox", { name: `Temporary password for ${username}`, exact: true })).toBeFocused();
  await page.screenshot({ path: "test-results/screens/settings-temporary-password.png", fullPage: true });
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("textbox", { name: `Temporary password for ${username}`, exact: true })).toHaveCount(0);

  // The new user signs in in another browser and is held at the password change.
  const other = await browser.newContext();
  const userPage = await other.newPage();
  const userErrors = watchConsole(userPage);
  await signIn(userPage, username, "temporary pass 1");
  await expect(userPage).toHaveURL(/\/change-password/);
  await expect(userPage.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  const held = await userPage.request.get("/api/tasks/");
  expect(held.status()).toBe(403);
  expect((await held.json()).error.message).toMatch(/^Change your password first/);
  // A page asked for meanwhile is where they go on to once they chose their own password.
  await userPage.goto("/tasks");
  await expect(userPage).toHaveURL(/\/change-password\?callbackUrl=%2Ftasks$/);
  await userPage.screenshot({ path: "test-results/screens/change-password.png", fullPage: true });

  await userPage.getByLabel("Temporary password", { exact: true }).fill("temporary pass 1");
  await userPage.getByLabel("New password (8 characters or more)", { exact: true }).fill("my own password 1");
  await userPage.getByLabel("Repeat the new password", { exact: true }).fill("my own password 2");
  await userPage.getByRole("button", { name: "Set my password" }).click();
  await expect(userPage.getByText("The two new passwords differ.")).toBeVisible();
  await expect(userPage.getByLabel("Repeat the new password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await userPage.getByLabel("Temporary password", { exact: true }).fill("not the temporary one");
  await userPage.getByLabel("Repeat the new password", { exact: true }).fill("my own password 1");
  await userPage.getByRole("button", { name: "Set my password" }).click();
  await expect(userPage.getByText("This is not your current password.")).toBeVisible();
  await userPage.screenshot({ path: "test-results/screens/change-password-error.png", fullPage: true });

  await userPage.getByLabel("Temporary password", { exact: true }).fill("temporary pass 1");
  await userPage.getByRole("button", { name: "Set my password" }).click();
  await expect(userPage).toHaveURL(/\/tasks$/);
  await expect(userPage.getByRole("heading", { name: "Tasks", exact: true })).toBeVisible();
  expect((await userPage.request.get("/api/tasks/")).status()).toBe(200);

  // Signing out ends the session: a copy of the cookie taken before no longer works.
  const copied = await sessionCookie(userPage);
  expect((await request.get("/api/me", { headers: { Cookie: copied } })).status()).toBe(200);
  await userPage.getByRole("link", { name: "Sign out" }).click();
  await userPage.getByRole("button", { name: "Sign out" }).click();
  await expect(userPage).toHaveURL(/\/login/);
  const stale = await request.get("/api/me", { headers: { Cookie: copied } });
  expect(stale.status()).toBe(401);
  const thief = await browser.newContext();
  await thief.addCookies([{ name: SESSION_COOKIE, value: copied.split("=")[1], url: page.url() }]);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/settings");
  await expect(thiefPage).toHaveURL(/\/login/);
  await thief.close();

  // Signed in again; the admin disables the account and the session ends at once.
  await signIn(userPage, username, "my own password 1");
  await expect(userPage).toHaveURL(/\/dashboard/);
  await page.reload();
  await page.getByRole("button", { name: `Disable ${username}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${username} is disabled` })).toBeVisible();
  await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
  expect((await userPage.request.get("/api/me")).status()).toBe(401);
  await userPage.goto("/settings");
  await expect(userPage).toHaveURL(/\/login/);
  await signIn(userPage, username, "my own password 1");
  await expect(userPage.getByRole("alert").filter({ hasText: "Incorrect" })).toHaveText("Incorrect username or password.");

  // Delete it: the summary says what went and what stayed.
  await page.getByRole("button", { name: `Delete ${username}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Deleted ${username}.` })).toContainText(/kept \d+ audit entr/);
  await expect(row).toHaveCount(0);

  await other.close();
  expect(unexpected(userErrors)).toEqual([]);
  expect(unexpected(adminErrors)).toEqual([]);
});

test("the admin changes their password in Settings and stays signed in; sign out everywhere ends the session", async ({ page, request }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  const errors = watchConsole(page);
  await signInAsAdmin(page);
  await page.goto("/settings");
  const password = page.getByRole("region", { name: "Password" });
  await password.getByLabel("Current password", { exact: true }).fill("e2e-admin-password");
  await password.getByLabel("New password (8 characters or more)", { exact: true }).fill("short");
  await password.getByLabel("Repeat the new password", { exact: true }).fill("short");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByText("Use at least 8 characters.")).toBeVisible();

  // Changed and changed back: the admin password the other specs use stays the same.
  for (const [from, to] of [
    ["e2e-admin-password", "a temporary admin pw"],
    ["a temporary admin pw", "e2e-admin-password"],
  ]) {
    await password.getByLabel("Current password", { exact: true }).fill(from);
    await password.getByLabel("New password (8 characters or more)", { exact: true }).fill(to);
    await password.getByLabel("Repeat the new password", { exact: true }).fill(to);
    await password.getByRole("button", { name: "Change password" }).click();
    await expect(password.getByRole("status")).toHaveText("Password changed. Your other sessions were signed out; this one stays signed in.");
  }
  await page.screenshot({ path: "test-results/screens/settings-password-changed.png", fullPage: true });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible(); // still signed in

  const cookie = await sessionCookie(page);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await request.get("/api/me", { headers: { Cookie: cookie } })).status()).toBe(401);
  expect(unexpected(errors)).toEqual([]);
});
