import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

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

/** What the Grace under test has written to stdout and stderr so far (playwright.config.ts tees it). */
export function serverLog(): string {
  const dir = process.env.GRACE_E2E_DATA_DIR;
  if (!dir) throw new Error("GRACE_E2E_DATA_DIR is not set: run the specs through playwright.config.ts");
  const file = path.join(dir, "server.log");
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/** A bearer token for `username`, from the API's own sign-in. */
export async function apiToken(request: APIRequestContext, username = "admin", password = adminPassword): Promise<string> {
  const res = await request.post("/api/auth/login", { data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).access_token as string;
}

/** Adds a text source through the API; its id. */
export async function addSource(request: APIRequestContext, token: string, input: { title: string; content: string; domain?: string }): Promise<number> {
  const res = await request.post("/api/ingest/text", { headers: { Authorization: `Bearer ${token}` }, data: input });
  expect([200, 201], await res.text()).toContain(res.status());
  return (await res.json()).artifact_id as number;
}

/** Every page of the signed-in app, with the heading it opens with. `/knowledge/:id` needs a source. */
export function appPages(sourceId: number): { path: string; heading: string | RegExp }[] {
  return [
    { path: "/dashboard", heading: "Dashboard" },
    { path: "/chat", heading: "Chat" },
    { path: "/knowledge", heading: "Knowledge" },
    { path: `/knowledge/${sourceId}`, heading: /./ },
    { path: "/tasks", heading: "Tasks" },
    { path: "/goals", heading: "Research goals" },
    { path: "/ide", heading: "IDE" },
    { path: "/audit", heading: "Audit log" },
    { path: "/governance", heading: "Governance" },
    { path: "/security", heading: "Security" },
    { path: "/settings", heading: "Settings" },
  ];
}

/**
 * axe-core on the page as it is now (WCAG 2.x A and AA rules and axe's best practices): its
 * serious and critical violations, each with its rule, help text and the elements that break it.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ")}`).join("\n")}`);
}

/** No serious or critical axe-core violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string) {
  expect(await accessibilityProblems(page), `accessibility of ${what}`).toEqual([]);
}
