import { afterEach, describe, expect, it } from "vitest";
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
