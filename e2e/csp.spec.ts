import { expect, test, type APIResponse } from "@playwright/test";
import { adminPassword, signInAsAdmin, watchConsole } from "./helpers";

// The page policy comes from proxy.ts with a nonce per response; Next puts that nonce on every
// script it renders. API responses carry a strict static policy (next.config.ts).
const SIGNED_IN = ["/dashboard", "/chat", "/knowledge", "/tasks", "/ide", "/audit", "/governance", "/security", "/settings"];
const SIGNED_OUT = ["/login", "/logout"];

function nonceOf(res: APIResponse): string {
  const policy = res.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/script-src[^;]*unsafe/);
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, "the policy has a nonce").toBeTruthy();
  return nonce!;
}

/** Two loads of `path`: each policy has its own nonce, and every <script> of each page carries it. */
async function checkPage(get: (path: string) => Promise<APIResponse>, path: string, status = 200) {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await get(path);
    expect(res.status(), path).toBe(status);
    const nonce = nonceOf(res);
    const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, `${path} has scripts`).toBeGreaterThan(0);
    expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`)), `${path}: scripts without the nonce`).toEqual([]);
    nonces.push(nonce);
  }
  expect(nonces[0], `${path} gets a fresh nonce per request`).not.toBe(nonces[1]);
}

test("CSP: every page has a fresh nonce per request that every script carries, and renders with no violation", async ({ page, request }) => {
  const errors = watchConsole(page);
  const login = await request.post("/api/auth/login", { data: { username: "admin", password: adminPassword } });
  const auth = { Authorization: `Bearer ${(await login.json()).access_token}` };
  const ingested = await request.post("/api/ingest/text", { headers: auth, data: { title: "CSP notes", content: "A nonce is a number used once." } });
  const { artifact_id } = await ingested.json();

  for (const path of SIGNED_OUT) {
    await checkPage((p) => page.request.get(p, { maxRedirects: 0 }), path);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await checkPage((p) => page.request.get(p), "/no-such-page", 404);

  await signInAsAdmin(page);
  for (const path of [...SIGNED_IN, `/knowledge/${artifact_id}`]) {
    await checkPage((p) => page.request.get(p), path);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  }
  // Moving between pages in the app (client-side navigation loads more scripts).
  await page.goto("/dashboard");
  for (const name of ["Chat", "Knowledge", "Tasks", "IDE", "Audit", "Governance", "Security", "Settings", "Dashboard"]) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name }).first()).toBeVisible();
  }
  await page.goto("/ide");
  await page.screenshot({ path: "test-results/screens/ide.png", fullPage: true });
  await page.goto("/security");
  await page.screenshot({ path: "test-results/screens/security.png", fullPage: true });
  expect(errors).toEqual([]);
});

test("CSP: a script injected into a page is refused and reported, so the suite would notice one", async ({ page }) => {
  const errors = watchConsole(page);
  // What an injection bug would do: the real sign-in page, policy and all, with a script added.
  await page.route("**/login", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", "<script>window.injected = true</script></body>");
    await route.fulfill({ response, body: html });
  });
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect.poll(() => errors.join("\n")).toMatch(/CSP violation: script-src/);
  expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
});

test("CSP: API and health responses carry the strict static policy; the removed /api/plugins and /api/ml answer 410", async ({ request }) => {
  const strict = "default-src 'none'; frame-ancestors 'none'";
  const me = await request.get("/api/me");
  expect(me.status()).toBe(401);
  expect(me.headers()["content-security-policy"]).toBe(strict);
  expect(me.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await request.get("/health")).headers()["content-security-policy"]).toBe(strict);
  for (const [method, path] of [["GET", "/api/plugins/"], ["POST", "/api/plugins/search/enable"], ["GET", "/api/ml/models"], ["POST", "/api/ml/train?model_name=x"]] as const) {
    const res = await request.fetch(path, { method, data: method === "POST" ? {} : undefined, maxRedirects: 0 });
    expect(res.status(), `${method} ${path}`).toBe(410);
    expect(res.headers()["content-security-policy"]).toBe(strict);
    expect((await res.json()).error).toMatchObject({ code: "gone", message: expect.stringMatching(/was removed: .*stub/) });
  }
});
