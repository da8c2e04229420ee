// `npm run admin:reset-password -- <username>` on the server, against this file's database
// (SQLite or PostgreSQL, through the normal settings): a new temporary password printed once.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import * as login from "../../app/api/auth/login/route";
import * as me from "../../app/api/me/route";
import * as tasks from "../../app/api/tasks/route";
import { call, createUser, db, sessionCookieFor } from "../helpers/api";

const run = promisify(execFile);
const script = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "scripts/admin-reset-password.ts", ...args], { env: { ...process.env, NODE_ENV: "production" } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe("admin:reset-password", () => {
  it("gives a locked-out admin a temporary password, ends their sessions, audits as system", async () => {
    const admin = await createUser({ role: "admin", password: "forgotten long ago" });
    const cookie = await sessionCookieFor(admin);
    const loginToken = (await call(login.POST, { body: { username: admin.username, password: "forgotten long ago" } })).json.access_token;
    // Locked out from this address, too.
    const ip = { "x-grace-client-ip": "10.4.4.4" };
    for (let i = 0; i < 10; i++) await call(login.POST, { headers: ip, body: { username: admin.username, password: `guess ${i}` } });
    expect((await call(login.POST, { headers: ip, body: { username: admin.username, password: "forgotten long ago" } })).status).toBe(429);

    const out = await script("--", admin.username.toUpperCase());
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const password = /Temporary password for "[^"]+" \(admin\): (\S+)/.exec(out.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);

    expect((await call(me.GET, { cookie })).status).toBe(401);
    expect((await call(me.GET, { bearer: loginToken })).status).toBe(401);
    const signedIn = await call(login.POST, { headers: ip, body: { username: admin.username, password } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.must_change_password).toBe(true);
    expect((await call(tasks.GET, { bearer: signedIn.json.access_token })).status).toBe(403);
    const entry = await db.logEntry.findFirstOrThrow({ where: { action: "user.password_reset", resource: `user:${admin.id}` } });
    expect(entry.actor).toBe("system");
    expect(JSON.parse(entry.payload)).toMatchObject({ via: "admin:reset-password", login_tokens_revoked: 1, failed_sign_ins_cleared: 10 });
    expect(entry.payload).not.toContain(password!);
  });

  it("says so when there is no such user, and how to call it without one", async () => {
    const missing = await script("nobody-at-all");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('there is no user named "nobody-at-all"');
    const usage = await script();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage: npm run admin:reset-password -- <username>");
  });
});
