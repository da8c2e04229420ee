import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// End-to-end tests drive Debian's Chromium (never `playwright install`) against Grace
// started exactly as the README says (`npm start`), on its own port and a fresh data dir.
const port = Number(process.env.GRACE_E2E_PORT) || 3210;
const baseURL = `http://localhost:${port}`;
export const adminPassword = "e2e-admin-password";

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `${baseURL}/health`,
    timeout: 420_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      GRACE_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "grace-e2e-")),
      DATABASE_URL: "",
      GRACE_ADMIN_PASSWORD: adminPassword,
      NEXTAUTH_URL: baseURL,
      GRACE_WORKER_HEARTBEAT_SECONDS: "2",
      // The URL-ingestion spec serves its pages from a local server in the test process.
      GRACE_ALLOW_PRIVATE_URLS: "1",
    },
  },
});
