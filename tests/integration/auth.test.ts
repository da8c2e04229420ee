import { describe, expect, it, vi } from "vitest";
import * as login from "../../app/api/auth/login/route";
import * as register from "../../app/api/auth/register/route";
import * as me from "../../app/api/me/route";
import { call, createUser, db } from "../helpers/api";

const password = "correct horse battery";

describe("legacy sign-in API", async () => {
  const user = await createUser({ password });

  it("logs in with {username, password} and returns a bearer token that works", async () => {
    const res = await call(login.POST, { body: { username: user.username, password } });
    expect(res.status).toBe(200);
    expect(res.json.token_type).toBe("bearer");
    expect(res.json.access_token).toMatch(/^grace_/);
    const whoami = await call(me.GET, { bearer: res.json.access_token });
    expect(whoami.json.username).toBe(user.username);
    const token = await db.apiToken.findFirstOrThrow({ where: { userId: user.id, kind: "login" } });
    expect(token.name).toMatch(/^Login /);
    expect(token.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });

  it("accepts the username case-insensitively", async () => {
    const res = await call(login.POST, { body: { username: user.username.toUpperCase(), password } });
    expect(res.status).toBe(200);
  });

  it("answers a bad login with 401 JSON and audits it", async () => {
    const res = await call(login.POST, { body: { username: user.username, password: "wrong password" }, headers: { "x-grace-client-ip": "10.9.9.9" } });
    expect(res.status).toBe(401);
    expect(res.json.detail).toBe("Incorrect username or password");
    const unknown = await call(login.POST, { body: { username: "nobody-here", password: "whatever1" }, headers: { "x-grace-client-ip": "10.9.9.9" } });
    expect(unknown.status).toBe(401);
    const entries = await db.logEntry.findMany({ where: { action: "auth.login", result: "failure" } });
    expect(entries.map((e) => e.actor)).toEqual(expect.arrayContaining([user.username, "anonymous"]));
    // A made-up name is never an actor (it could be "system"); it is kept in the payload.
    const anonymous = entries.find((e) => e.actor === "anonymous")!;
    expect(JSON.parse(anonymous.payload)).toMatchObject({ username: "nobody-here", reason: "unknown_user", ip: "10.9.9.9" });
    const success = await db.logEntry.findFirst({ where: { action: "auth.login", result: "success", actor: user.username } });
    expect(success).not.toBeNull();
  });

  it("validates the body with 422 naming the fields", async () => {
    const res = await call(login.POST, { body: { username: "" } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["body.password", "body.username"]);
  });

  it("locks a username + IP after 10 failures with 429, and the lock survives a restart", async () => {
    const victim = await createUser({ password });
    const ip = "10.7.7.7";
    for (let i = 0; i < 10; i++) {
      const r = await call(login.POST, { body: { username: victim.username, password: `nope-${i}` }, headers: { "x-grace-client-ip": ip } });
      expect(r.status).toBe(401);
    }
    const locked = await call(login.POST, { body: { username: victim.username, password }, headers: { "x-grace-client-ip": ip } });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(locked.json.error.code).toBe("rate_limited");
    // Another IP is not locked out of the same account.
    const elsewhere = await call(login.POST, { body: { username: victim.username, password }, headers: { "x-grace-client-ip": "10.8.8.8" } });
    expect(elsewhere.status).toBe(200);
    expect(await db.logEntry.count({ where: { action: "auth.lockout", resource: `user:${victim.id}` } })).toBe(1);

    // "Restart": fresh modules and a fresh database client read the lock from the database.
    vi.resetModules();
    delete (globalThis as { graceDb?: unknown }).graceDb;
    const fresh = await import("../../app/api/auth/login/route");
    const again = await call(fresh.POST, { body: { username: victim.username, password }, headers: { "x-grace-client-ip": ip } });
    expect(again.status).toBe(429);
  });
});

describe("one IP trying many usernames", async () => {
  const user = await createUser({ password });
  it("is locked out across usernames after GRACE_LOGIN_MAX_FAILURES_PER_IP failures", async () => {
    process.env.GRACE_LOGIN_MAX_FAILURES_PER_IP = "3";
    try {
      const ip = "10.5.5.5";
      for (const name of ["alpha", "bravo", "charlie"]) {
        expect((await call(login.POST, { body: { username: name, password: "spray-1" }, headers: { "x-grace-client-ip": ip } })).status).toBe(401);
      }
      const sprayed = await call(login.POST, { body: { username: user.username, password }, headers: { "x-grace-client-ip": ip } });
      expect(sprayed.status).toBe(429);
      expect((await call(login.POST, { body: { username: user.username, password }, headers: { "x-grace-client-ip": "10.5.5.6" } })).status).toBe(200);
    } finally {
      delete process.env.GRACE_LOGIN_MAX_FAILURES_PER_IP;
    }
  });
});

describe("parallel guessing", () => {
  it("cannot slip past the lockout: exactly 10 failures are recorded, the rest refused", async () => {
    const target = await createUser({ password });
    const ip = "10.6.6.6";
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(login.POST, { body: { username: target.username, password: `guess-${i}` }, headers: { "x-grace-client-ip": ip } })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect(await db.signInAttempt.count({ where: { username: target.username, ip, outcome: "failure" } })).toBe(10);
    const right = await call(login.POST, { body: { username: target.username, password }, headers: { "x-grace-client-ip": ip } });
    expect(right.status).toBe(429);
  });
});

describe("registration", async () => {
  it("is closed by default", async () => {
    const res = await call(register.POST, { body: { username: "newcomer", password: "long enough pw" } });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toContain("Registration is closed");
  });

  it("creates a user and a working token when open; a taken name is 409", async () => {
    process.env.GRACE_OPEN_REGISTRATION = "true";
    try {
      const res = await call(register.POST, { body: { username: "Newcomer", password: "long enough pw" } });
      expect(res.status).toBe(201);
      expect(res.json.token_type).toBe("bearer");
      const whoami = await call(me.GET, { bearer: res.json.access_token });
      expect(whoami.json).toMatchObject({ username: "newcomer", role: "user" });
      const stored = await db.user.findUniqueOrThrow({ where: { username: "newcomer" } });
      expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await db.logEntry.count({ where: { action: "user.register", actor: "newcomer" } })).toBe(1);

      const again = await call(register.POST, { body: { username: "newcomer", password: "long enough pw" } });
      expect(again.status).toBe(409);
      const reserved = await call(register.POST, { body: { username: "System", password: "long enough pw" } });
      expect(reserved.status).toBe(422);
      expect(reserved.json.error.fields).toEqual([{ field: "body.username", message: "is reserved" }]);
      const bad = await call(register.POST, { body: { username: "a b", password: "short" } });
      expect(bad.status).toBe(422);
      expect(bad.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["body.password", "body.username"]);
    } finally {
      delete process.env.GRACE_OPEN_REGISTRATION;
    }
  });
});
