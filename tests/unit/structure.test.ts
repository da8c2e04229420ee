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

  it("roles are compared only in lib/auth/access.ts", () => {
    const all = [...lib, ...workers, ...files("app"), ...files("components")];
    expect(offenders(all, (t, f) => f !== "lib/auth/access.ts" && /role\s*[!=]==\s*"admin"|"admin"\s*[!=]==\s*\w+\.role/.test(t))).toEqual([]);
  });

  it("no route handler lives in lib/", () => {
    expect(offenders(lib, (t) => /export const (GET|POST|PUT|PATCH|DELETE) = route\(/.test(t))).toEqual([]);
  });
});
