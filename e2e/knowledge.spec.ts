import { expect, test } from "@playwright/test";
import { signInAsAdmin, watchConsole } from "./helpers";

test("knowledge: add text, find it by search with the match highlighted, and a duplicate is recognised", async ({ page }) => {
  const errors = watchConsole(page);
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Knowledge" }).click();
  await expect(page.getByRole("heading", { name: "Add knowledge" })).toBeVisible();

  const content = "The lighthouse keeper lights the lamp at dusk. The lamp burns paraffin oil.";
  await page.getByLabel("Title").fill("Lighthouse");
  await page.getByLabel("Content").fill(content);
  await page.getByRole("region", { name: "Add knowledge" }).getByLabel("Domain").fill("coast");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText("Added as coast/text/lighthouse.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Sources" }).getByText("Lighthouse", { exact: true })).toBeVisible();

  await page.getByLabel("Search knowledge").fill("what oil does the lamp burn?");
  await page.getByRole("button", { name: "Search" }).click();
  const hit = page.getByRole("region", { name: "Search" }).getByRole("listitem").filter({ hasText: "coast/text/lighthouse" });
  await expect(hit.locator("mark").first()).toBeVisible();
  await expect(hit.getByText("trusted · 75")).toBeVisible();

  await page.getByLabel("Title").fill("Lighthouse again");
  await page.getByLabel("Content").fill(content);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText(/Already known: the same content is coast\/text\/lighthouse/)).toBeVisible();

  await page.getByLabel("Files to upload").setInputFiles([
    { name: "tides.md", mimeType: "text/markdown", buffer: Buffer.from("# Tides\n\nSpring tides follow the new moon.") },
    { name: "virus.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") },
  ]);
  const uploads = page.getByRole("list", { name: "Uploads" });
  await expect(uploads.getByRole("listitem").filter({ hasText: "tides.md" })).toContainText("done");
  await expect(uploads.getByRole("listitem").filter({ hasText: "virus.exe" })).toContainText("is not a supported type");
  // Titled by its first heading, not its file name.
  await expect(page.getByRole("region", { name: "Sources" }).getByText("Tides", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/knowledge.png", fullPage: true });
  // The refused upload's 415 is logged by the browser as a failed resource load: expected.
  expect(errors.filter((e) => !/status of 415/.test(e))).toEqual([]);
});
