import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { adminPassword, signInAsAdmin, watchConsole } from "./helpers";

// Pages served from this test process; Grace runs with GRACE_ALLOW_PRIVATE_URLS=1 to reach them.
// This spec lists localhost as a source through the admin API (trust 100: added at once; a
// fresh Grace does not trust it); 127.0.0.1 is an unknown host (trust 50: held for an admin).
// Names carry a stamp so reruns and other specs never collide.
const stamp = Date.now().toString(36);
const domain = `reef-${stamp}`;
const puffins = `Puffin colony ${stamp}`;
const kelp = `Kelp forest ${stamp}`;
const pages: Record<string, string> = {
  "/page.html": `<html><head><title>${puffins}</title></head><body><p>Puffins dig burrows on the cliffs of ${stamp} island.</p></body></html>`,
  "/other.html": `<html><head><title>${kelp}</title></head><body><p>Sea urchins graze the kelp forest of ${stamp} bay.</p></body></html>`,
};

let server: http.Server;
let port = 0;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = pages[req.url ?? ""];
    if (!body) return void res.writeHead(404).end("not here");
    // A little slow, so the form's busy state can be seen.
    setTimeout(() => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body), 700);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

/** Lists localhost at trust 100 with an admin token, unless an earlier test already did. */
async function trustLocalhost(api: APIRequestContext) {
  const login = await api.post("/api/auth/login", { data: { username: "admin", password: adminPassword } });
  expect(login.ok()).toBe(true);
  const { access_token } = await login.json();
  const res = await api.post("/api/trust/sources", {
    headers: { authorization: `Bearer ${access_token}` },
    data: { domain: "localhost", trust_score: 100, category: "local", description: "the e2e tests' page server" },
  });
  expect([201, 409]).toContain(res.status());
}

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test("knowledge: add web pages (trusted at once, another after approval), edit with versions, browse by domain", async ({ page, request: api }) => {
  await trustLocalhost(api);
  const errors = watchConsole(page);
  await signInAsAdmin(page);
  await page.goto("/knowledge");
  const web = page.getByRole("region", { name: "Add a web page" });
  const sources = page.getByRole("region", { name: "Sources" });

  await web.getByLabel("URL").fill(`http://localhost:${port}/page.html`);
  await web.getByLabel("Domain").fill(domain);
  await web.getByRole("button", { name: "Add page" }).click();
  await expect(web.getByRole("button", { name: "Fetching…" })).toBeDisabled();
  await expect(web.getByRole("progressbar", { name: "Fetching the page" })).toBeVisible();
  await expect(web.getByText(`Added “${puffins}” (trust score 100).`)).toBeVisible({ timeout: 20_000 });
  await expect(sources.getByRole("link", { name: puffins })).toBeVisible();

  const otherUrl = `http://127.0.0.1:${port}/other.html`;
  await web.getByLabel("URL").fill(otherUrl);
  await web.getByLabel("Domain").fill(domain);
  await web.getByRole("button", { name: "Add page" }).click();
  await expect(web.getByText("Held for an admin's review: trust score 50")).toBeVisible({ timeout: 20_000 });
  const request = page.getByRole("region", { name: "URL requests" }).getByRole("listitem").filter({ hasText: otherUrl });
  await expect(request).toContainText("pending");
  await expect(request).toContainText("review · 50");
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(request).toContainText("executed", { timeout: 20_000 });
  await expect(request).toContainText("Approved by admin");
  await expect(sources.getByRole("link", { name: kelp })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/knowledge-admin.png", fullPage: true });
  // Governance lists the same approvals.
  await page.getByRole("link", { name: "Governance" }).click();
  await expect(page.getByRole("heading", { name: "Governance" })).toBeVisible();
  const approvals = page.getByRole("region", { name: "Approvals" });
  await approvals.getByRole("button", { name: "All" }).click();
  await expect(approvals.getByRole("listitem").filter({ hasText: otherUrl })).toContainText("executed");
  // The 40–69 rule is the seeded review policy.
  await expect(page.getByTestId("policies-panel")).toContainText("Review URLs from sources scored 40–69");
  await page.screenshot({ path: "test-results/screens/governance.png", fullPage: true });
  await page.getByRole("link", { name: "Knowledge" }).click();

  // Edit: new content makes version 2; version 1 stays readable from the versions list.
  await sources.getByRole("link", { name: puffins }).click();
  await expect(page.getByRole("heading", { name: puffins })).toBeVisible();
  await page.getByRole("button", { name: "Edit" }).click();
  const content = page.getByLabel("Content");
  await expect(content).toHaveValue(/Puffins dig burrows/);
  await content.fill(`Puffins nest in burrows on the cliffs of ${stamp} island from April.`);
  await page.getByLabel("Reason for the change").fill("nesting season added");
  await page.screenshot({ path: "test-results/screens/artifact-edit.png", fullPage: true });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();
  await expect(page.getByRole("article", { name: "Passages" })).toContainText("from April");
  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions.getByRole("link", { name: /^v2/ })).toContainText("nesting season added");
  await page.screenshot({ path: "test-results/screens/artifact-admin.png", fullPage: true });

  await versions.getByRole("link", { name: /^v1/ }).click();
  await expect(page.getByText("Viewing version 1 of 2")).toBeVisible();
  await expect(page.getByRole("article", { name: "Version 1" })).toContainText("Puffins dig burrows");
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/artifact-version.png", fullPage: true });
  await page.getByRole("link", { name: "back to current" }).click();
  await expect(page.getByRole("article", { name: "Passages" })).toContainText("from April");

  // Browse: a domain, then one of its types, then back to everything, all kept in the URL.
  await page.getByRole("link", { name: "← Knowledge" }).click();
  const browse = page.getByRole("region", { name: "Browse" });
  await browse.getByRole("link", { name: new RegExp(`^${domain} 2$`) }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]domain=${domain}`));
  await expect(sources).toContainText(`in ${domain}`);
  await expect(sources.getByRole("listitem")).toHaveCount(2);
  await expect(browse.getByRole("link", { name: /^url 2$/ })).toBeVisible();
  await browse.getByRole("link", { name: /^url 2$/ }).click();
  await expect(page).toHaveURL(new RegExp(`domain=${domain}&type=url`));
  await expect(sources).toContainText(`in ${domain} / url`);
  await page.screenshot({ path: "test-results/screens/knowledge-filtered.png", fullPage: true });
  await page.reload();
  await expect(sources.getByRole("listitem")).toHaveCount(2);
  await sources.getByRole("link", { name: "All sources" }).click();
  await expect(page).toHaveURL(/\/knowledge$/);
  await expect(sources).not.toContainText(`in ${domain}`);

  // Delete, after a confirmation: it leaves the Sources list.
  await sources.getByRole("link", { name: kelp }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete for good" }).click();
  await expect(page).toHaveURL(/\/knowledge$/);
  await expect(sources.getByRole("link", { name: puffins })).toBeVisible();
  await expect(sources.getByRole("link", { name: kelp })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("knowledge: a web page that cannot be ingested is refused with the reason", async ({ page, request: api }) => {
  await trustLocalhost(api);
  const errors = watchConsole(page);
  await signInAsAdmin(page);
  await page.goto("/knowledge");
  const web = page.getByRole("region", { name: "Add a web page" });
  await web.getByLabel("URL").fill(`http://localhost:${port}/missing-${stamp}.html`);
  await web.getByRole("button", { name: "Add page" }).click();
  await expect(web.getByRole("alert")).toContainText(`Could not add http://localhost:${port}/missing-${stamp}.html`, { timeout: 20_000 });
  // The 422 is logged by the browser as a failed resource load: expected.
  expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
});
