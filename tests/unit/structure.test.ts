// The rules of the house that a reader can check by looking at the source: each one failed
// on the code before the structure work (issue 8, part A), so a regression shows up here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string, ext = /\.tsx?$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(full).isDirectory() ? files(full, ext) : ext.test(name) ? [full] : [];
  });
}
const source = (f: string) => readFileSync(f, "utf8");
const offenders = (list: string[], test: (text: string, file: string) => boolean) => list.filter((f) => test(source(f), f));

describe("structure", () => {
  const lib = files("lib");
  const workers = files("workers");
  const routes = files("app/api").filter((f) => f.endsWith("route.ts"));

  it("only lib/api knows HTTP: no lib or worker module imports lib/api/errors", () => {
    expect(offenders([...lib, ...workers], (t, f) => !f.startsWith("lib/api/") && /from "(\.\.\/)+api\/errors"|lib\/api\/errors/.test(t))).toEqual([]);
  });

  it("no route handler queries the database itself: they call lib verbs", () => {
    expect(offenders(routes, (t) => /from "@\/lib\/db\/client"/.test(t))).toEqual([]);
  });

  it("no module but lib/config.ts reads process.env", () => {
    expect(offenders([...lib, ...workers], (t, f) => f !== "lib/config.ts" && /process\.env/.test(t))).toEqual([]);
  });

  it("nor do pages, components and the proxy, but for NODE_ENV, which Next inlines at build time", () => {
    const web = [...files("app"), ...files("components"), "proxy.ts"];
    expect(offenders(web, (t) => /process\.env(?!\.NODE_ENV\b)/.test(t))).toEqual([]);
  });

  it("nor do the scripts: they may only hand variables on to the processes they start", () => {
    // Allowed: `{ ...process.env, X: … }`, `env: process.env` and `process.env.X = …` for a child. Not Grace's
    // settings, so read where they are used: scripts/bench/ (its GRACE_BENCH_* knobs are the
    // benchmark's arguments), the test suite's own variables (shared with tests/setup and
    // playwright.config.ts) and Prisma CLI's.
    const notGrace: Record<string, string[]> = {
      "scripts/system-deps.ts": ["CHROMIUM_PATH", "GRACE_TEST_DATABASE_URL"],
      "scripts/db/new-migration.ts": ["GRACE_TEST_DATABASE_URL"],
      "scripts/db/generate.ts": ["PRISMA_SCHEMA_ENGINE_BINARY"],
    };
    const reads = (t: string, f: string) =>
      t
        .replace(/(?:\.\.\.|\benv:\s*)process\.env\b(?![.[])/g, "")
        .replace(/process\.env\.\w+\s*=(?!=)/g, "")
        .replace(/process\.env\.(\w+)/g, (m, name: string) => (notGrace[f]?.includes(name) ? "" : m));
    const scripts = files("scripts").filter((f) => !f.startsWith("scripts/bench/"));
    expect(scripts).toContain("scripts/start.ts");
    expect(offenders(scripts, (t, f) => /process\.env/.test(reads(t, f)))).toEqual([]);
  });

  it("roles are compared only in lib/auth/access.ts", () => {
    const all = [...lib, ...workers, ...files("app"), ...files("components")];
    expect(offenders(all, (t, f) => f !== "lib/auth/access.ts" && /role\s*[!=]==\s*"admin"|"admin"\s*[!=]==\s*\w+\.role/.test(t))).toEqual([]);
  });

  it("a verb takes the database in its options object: { db } to read, { tx } inside the caller's transaction", () => {
    const positional = /export (?:async )?function \w+(?:<[^>]*>)?\((?:\s*(?:tx|db)\b|[^{)]*,\s*(?:tx|db)\??:)/;
    expect(offenders([...lib, ...workers], (t) => positional.test(t))).toEqual([]);
  });

  it("the web process never runs user code: only the worker imports the sandbox runner (its types aside)", () => {
    // The health checks run a trial program, but only in the worker's health loop: no page or route imports them.
    const workerOnly = ["lib/health/checks.ts", "lib/health/run-health-cycle.ts"];
    const web = [...files("app"), ...files("components"), ...lib.filter((f) => !f.startsWith("lib/sandbox/runner/") && !workerOnly.includes(f))];
    expect(offenders(web, (t) => /from "[^"]*sandbox\/runner(?:\/(?!types")[^"]*)?"/.test(t))).toEqual([]);
    expect(offenders(web, (t) => /from "[^"]*health\/(?:checks|run-health-cycle)"/.test(t))).toEqual([]);
  });

  it("no route handler lives in lib/", () => {
    expect(offenders(lib, (t) => /export const (GET|POST|PUT|PATCH|DELETE) = route\(/.test(t))).toEqual([]);
  });
});
