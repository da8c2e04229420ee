import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// End-to-end tests drive Debian's Chromium (never `playwright install`) against Grace
// started exactly as the README says (`npm start`), on its own port and a fresh data dir.
const port = Number(process.env.GRACE_E2E_PORT) || 3210;
const baseURL = `http://localhost:${port}`;
// Made once, in the runner: its workers inherit the environment, so specs find the same folder
// (e2e/helpers.ts reads the server's log from there).
process.env.GRACE_E2E_DATA_DIR ||= mkdtempSync(path.join(os.tmpdir(), "grace-e2e-"));
const dataDir = process.env.GRACE_E2E_DATA_DIR;
export const adminPassword = "e2e-admin-password";

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  // Generous: the longest specs (an account's whole life) take ~25 s here, and twice that when
  // the machine is busy; a test that hangs still fails, only later.
  timeout: 120_000,
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
  // One server, two browsers: the desktop project runs every spec but those tagged @phone, the
  // phone project only those (a narrow touch screen; specs may narrow it further to 360 px).
  projects: [
    { name: "desktop", grepInvert: /@phone/ },
    { name: "phone", grep: /@phone/, use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 } },
  ],
  webServer: {
    // The server's output goes to Playwright as before and to a file that specs read (a page
    // must not log a stack trace); killing the process group on exit stops tee too.
    command: `node --import tsx scripts/start.ts 2>&1 | tee -a '${path.join(dataDir, "server.log")}'`,
    url: `${baseURL}/health`,
    timeout: 420_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      GRACE_DATA_DIR: dataDir,
      DATABASE_URL: "",
      GRACE_ADMIN_PASSWORD: adminPassword,
      NEXTAUTH_URL: baseURL,
      GRACE_WORKER_HEARTBEAT_SECONDS: "2",
      // The URL-ingestion spec serves its pages from a local server in the test process.
      GRACE_ALLOW_PRIVATE_URLS: "1",
    },
  },
});
