import { expect, type Page } from "@playwright/test";

export const adminPassword = "e2e-admin-password";

/**
 * Console errors fail a test; the browser's own line for an expected 401 is the exception.
 * Content-Security-Policy violations count too: besides the browser's own console line, each
 * `securitypolicyviolation` event is reported as an error (an init script, which the page's
 * policy does not govern), so a blocked script or style can never pass unnoticed.
 */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on("console", (msg) => {
    if (msg.type() === "error" && !/status of 401/.test(msg.text())) errors.push(msg.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

export async function signIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAsAdmin(page: Page) {
  await signIn(page, "admin", adminPassword);
  await expect(page).toHaveURL(/\/dashboard/);
}
