// `npm test`: every test Grace has, in one go, on a fresh machine too.
//   system packages (apt, when missing) → typecheck → lint → vitest (unit, SQLite, PostgreSQL)
//   → Playwright (Chromium against `npm start`)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureSystemPackages } from "./system-deps";

await ensureSystemPackages();
const out = mkdtempSync(path.join(os.tmpdir(), "grace-test-"));
const bin = (name: string) => path.join("node_modules", ".bin", name);

function step(name: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n[test] ${name}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status === 0;
}

const results: Record<string, boolean> = {};
results.typecheck = step("typecheck", bin("tsc"), ["--noEmit"]);
results.lint = step("lint", bin("eslint"), [".", "--max-warnings=0"]);
const vitestJson = path.join(out, "vitest.json");
results.vitest = step("vitest: unit + integration on SQLite and PostgreSQL", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const pwJson = path.join(out, "playwright.json");
results.e2e = step("playwright: end-to-end in Chromium", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });

let passed = 0;
let failed = 0;
// The names of what failed, repeated last: CI keeps only the tail of a long log.
const failures: string[] = [];
try {
  const v = JSON.parse(readFileSync(vitestJson, "utf8")) as VitestReport;
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  for (const file of v.testResults) {
    for (const t of file.assertionResults) if (t.status === "failed") failures.push(`vitest ${path.relative(process.cwd(), file.name)} › ${t.fullName}: ${firstLine(t.failureMessages[0])}`);
    if (file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed")) failures.push(`vitest ${path.relative(process.cwd(), file.name)}: ${firstLine(file.message)}`);
  }
  if (!results.vitest && !failures.length) {
    // Every test passed, yet vitest failed: an error outside any test (an unhandled rejection).
    failed += 1;
    failures.push("vitest: an error outside any test (look for 'Unhandled Errors' above)");
  }
} catch {
  failed += 1; // no report: vitest itself failed
}
try {
  const p = JSON.parse(readFileSync(pwJson, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number }; suites?: PlaywrightSuite[] };
  passed += p.stats.expected;
  failed += p.stats.unexpected + p.stats.flaky;
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? []) if (!spec.ok) failures.push(`playwright ${spec.file}:${spec.line} › ${spec.title}`);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of p.suites ?? []) walk(suite);
} catch {
  failed += 1;
}
for (const [name, ok] of Object.entries(results)) if (!ok && (name === "typecheck" || name === "lint")) failed += 1;

if (failures.length) console.log(`\n[test] failed:\n${failures.map((f) => `  ${f}`).join("\n")}`);
console.log(`\n[test] ${Object.entries(results).map(([n, ok]) => `${n} ${ok ? "ok" : "FAILED"}`).join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(Object.values(results).every(Boolean) && failed === 0 ? 0 : 1);

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
};

type PlaywrightSuite = { specs?: { title: string; file: string; line: number; ok: boolean }[]; suites?: PlaywrightSuite[] };

function firstLine(text: string | undefined): string {
  return (text ?? "").split("\n").find((l) => l.trim())?.trim().slice(0, 300) ?? "";
}
