import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../lib/config";
import { databaseConfig } from "../../lib/db/config";
import { failureDelayMs } from "../../lib/auth/lockout";
import { isSameOrigin } from "../../lib/api/same-origin";

afterEach(() => {
  delete process.env.GRACE_PUBLIC_URL;
});

describe("database selection", () => {
  it("uses PostgreSQL for postgres:// URLs and the SQLite file otherwise", () => {
    expect(databaseConfig("postgresql://u@h:5432/db")).toEqual({ provider: "postgres", url: "postgresql://u@h:5432/db" });
    expect(databaseConfig("postgres://u@h/db").provider).toBe("postgres");
    expect(databaseConfig(undefined, "/srv/data")).toEqual({ provider: "sqlite", file: "/srv/data/grace.db" });
    expect(databaseConfig("file:/tmp/x.db")).toEqual({ provider: "sqlite", file: "/tmp/x.db" });
    expect(() => databaseConfig("mysql://x")).toThrow(/DATABASE_URL/);
  });
});

describe("sign-in slowdown", () => {
  it("adds no delay for the first failures, then grows to a cap", () => {
    expect(failureDelayMs(0)).toBe(0);
    expect(failureDelayMs(3)).toBe(0);
    expect(failureDelayMs(4)).toBe(250);
    expect(failureDelayMs(100)).toBe(2000);
  });
});

describe("same-origin check", () => {
  const req = (headers: Record<string, string>) => new Request("http://localhost:3000/api/x", { method: "POST", headers });
  it("accepts the Host the request came to and the configured public URL", () => {
    expect(isSameOrigin(req({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(true);
    process.env.GRACE_PUBLIC_URL = "https://grace.example.com";
    expect(isSameOrigin(req({ host: "10.0.0.5:3000", origin: "https://grace.example.com" }))).toBe(true);
  });
  it("refuses other origins, a null origin and a missing one", () => {
    expect(isSameOrigin(req({ host: "localhost:3000", origin: "http://evil.example" }))).toBe(false);
    expect(isSameOrigin(req({ host: "localhost:3000", origin: "null" }))).toBe(false);
    expect(isSameOrigin(req({ host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(req({ host: "localhost:3000", referer: "http://localhost:3000/settings" }))).toBe(true);
  });
});

describe("settings", () => {
  it("parses every setting with its default", () => {
    const c = parseConfig({});
    expect(c.maxBodyBytes).toBe(1_048_576);
    expect(c.queue).toMatchObject({ leaseMs: 30_000, heartbeatMs: 10_000, pollMs: 500 });
    expect(c.lockout.maxFailures).toBe(10);
    expect(c.llm.baseUrl).toBeUndefined();
    expect(c).toMatchObject({ pgLockTimeoutMs: 10_000, pgStatementTimeoutMs: 30_000, skipBuild: false, debugEngine: false });
    expect(parseConfig({ GRACE_SKIP_BUILD: "1", GRACE_DEBUG_ENGINE: "on", GRACE_PG_LOCK_TIMEOUT_MS: "0" })).toMatchObject({ skipBuild: true, debugEngine: true, pgLockTimeoutMs: 0 });
  });

  it("names every invalid variable, and why", () => {
    const bad = () => parseConfig({ GRACE_JOB_LEASE_SECONDS: "soon", GRACE_OPEN_REGISTRATION: "perhaps", GRACE_MANUAL_TRUST: "150", DATABASE_URL: "mysql://x" });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (error) {
      const problems = (error as ConfigError).problems.join("\n");
      expect(problems).toMatch(/GRACE_JOB_LEASE_SECONDS: must be a number/);
      expect(problems).toMatch(/GRACE_OPEN_REGISTRATION: must be true or false/);
      expect(problems).toMatch(/GRACE_MANUAL_TRUST: must be a number from 0 to 100/);
      expect(problems).toMatch(/DATABASE_URL: must start with postgres/);
    }
  });

  it("an invalid value stops npm start before it builds or migrates, naming the variable", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { PATH: process.env.PATH, NODE_ENV: "test", GRACE_QUEUE_POLL_MS: "fast", GRACE_DATA_DIR: "/nonexistent/never-created" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("GRACE_QUEUE_POLL_MS: must be a number");
    expect(r.stdout).not.toContain("building");
  });
});
