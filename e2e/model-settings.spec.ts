import { expect, test } from "@playwright/test";
import { startFakeLlm, type FakeLlm } from "../tests/helpers/fake-llm";
import { apiToken, expectAccessible, signInAsAdmin, watchConsole } from "./helpers";

// Settings → Model (issue 11, item 7): an admin points Grace at an OpenAI-compatible model (a
// fake one in this process), sees the key only masked, and tests the connection — the worker
// sends the prompt and the page shows the reply and latency, or the error in plain words.
// The saved settings are removed at the end: other specs share this server.

const KEY = "sk-e2e-0123456789abcdefghijWXYZ";
/** The browser's own line for a refusal the page then shows (422) is expected. */
const unexpected = (errors: string[]) => errors.filter((e) => !/the server responded with a status of 422/.test(e));

let fake: FakeLlm;
test.beforeAll(async () => {
  fake = await startFakeLlm();
});
test.afterAll(async ({ request }) => {
  const token = await apiToken(request);
  await request.delete("/api/settings/model", { headers: { Authorization: `Bearer ${token}` } });
  await fake.close();
});

test("an admin sets the model, sees the key masked, and tests the connection", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  const errors = watchConsole(page);
  await signInAsAdmin(page);
  await page.goto("/settings#model");
  const section = page.getByRole("region", { name: "Model" });
  await expect(section.getByRole("heading", { name: "Model", exact: true })).toBeVisible();
  await expect(section.getByTestId("model-in-force")).toContainText("built-in engine");
  const test_ = section.getByRole("button", { name: "Test connection" });
  await expect(test_).toBeDisabled();

  // A refused field is named under its input.
  await section.getByLabel("Endpoint URL (OpenAI-compatible)").fill("ftp://example.org/v1");
  await section.getByLabel("Model", { exact: true }).fill("fake-model");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByText("Endpoint URL must be an http(s) URL")).toBeVisible();
  await expect(section.getByLabel("Endpoint URL (OpenAI-compatible)")).toHaveAttribute("aria-invalid", "true");

  await section.getByLabel("Endpoint URL (OpenAI-compatible)").fill(fake.url);
  await section.getByLabel("API key").fill(KEY);
  await expect(test_).toBeDisabled(); // unsaved changes: the test uses the saved settings
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Saved. Chat uses this model" })).toBeVisible();
  await expect(section.getByTestId("model-in-force")).toContainText(`fake-model at ${fake.url}, saved here`);
  await expect(section.getByTestId("model-key-hint")).toHaveText("A key is set (sk-…WXYZ). Leave this empty to keep it.");
  await expect(section.getByLabel("API key")).toHaveValue("");
  // The key is nowhere on the page, not even in an attribute.
  expect(await page.content()).not.toContain(KEY);

  fake.behave({ tokens: ["Hello ", "from the fake model!"], firstDelayMs: 300 });
  await test_.click();
  await expect(section.getByRole("progressbar", { name: "Testing the connection" })).toBeVisible();
  const result = section.getByTestId("model-test-result");
  await expect(result).toContainText(/fake-model answered in \d+ ms/, { timeout: 20_000 });
  await expect(result).toContainText("Hello from the fake model!");
  expect(fake.lastAuthorization()).toBe(`Bearer ${KEY}`);
  await expectAccessible(page, "Settings → Model");
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: "test-results/screens/settings-model.png" });

  // A failure is said in plain words, with the technical detail beside it.
  fake.behave({ status: 401 });
  await test_.click();
  await expect(result.getByRole("alert")).toContainText("The endpoint refused the API key: check the key.", { timeout: 20_000 });
  await expect(result).toContainText("HTTP 401");
  await section.screenshot({ path: "test-results/screens/settings-model-error.png" });

  // On a narrow phone the form is one column and nothing in it scrolls sideways.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect.poll(() => section.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await section.screenshot({ path: "test-results/screens/settings-model-phone.png" });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Back to the environment's settings (none here): the built-in engine answers again.
  await section.getByRole("button", { name: "Use the environment's settings" }).click();
  await expect(section.getByTestId("model-in-force")).toContainText("built-in engine");
  expect(unexpected(errors)).toEqual([]);
});

test("people who are not admins see no Model section and cannot read the settings", async ({ page, request }) => {
  const token = await apiToken(request);
  const username = `reader${Date.now().toString(36)}`;
  const created = await request.post("/api/users", { headers: { Authorization: `Bearer ${token}` }, data: { username, password: "temporary pass 1", role: "user" } });
  expect(created.status()).toBe(201);
  const userToken = await apiToken(request, username, "temporary pass 1");
  const changed = await request.post("/api/me/password", { headers: { Authorization: `Bearer ${userToken}` }, data: { current_password: "temporary pass 1", new_password: "a fine new password" } });
  expect(changed.status()).toBe(200);
  expect((await request.get("/api/settings/model", { headers: { Authorization: `Bearer ${userToken}` } })).status()).toBe(403);
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("a fine new password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Model", exact: true })).toHaveCount(0);
});
