import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_MARK } from "../../lib/api/route";

// next-auth's own endpoints authenticate themselves; nothing else may skip the wrapper.
const EXEMPT = new Set(["app/api/auth/[...nextauth]/route.ts"]);
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

describe("every route handler", () => {
  const files = routeFiles("app");

  it("finds the API routes", () => {
    expect(files).toContain(path.join("app", "api", "tokens", "route.ts"));
    expect(files.length).toBeGreaterThan(8);
  });

  it.each(files.filter((f) => !EXEMPT.has(f)))("%s is built with lib/api/route", async (file) => {
    const mod = await import(path.resolve(file));
    const handlers = METHODS.filter((m) => m in mod);
    expect(handlers.length).toBeGreaterThan(0);
    for (const method of handlers) {
      expect((mod[method] as Record<symbol, unknown>)[ROUTE_MARK], `${file} ${method}`).toBe(true);
    }
  });
});
