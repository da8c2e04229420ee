// Sessions end when they should: signing out (through next-auth itself), "sign out everywhere",
// a password change. Before issue 9 a session cookie kept working for its whole 7 days after
// any of these.
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import * as me from "../../app/api/me/route";
import * as sessions from "../../app/api/me/sessions/route";
import * as password from "../../app/api/me/password/route";
import * as login from "../../app/api/auth/login/route";
import * as tasks from "../../app/api/tasks/route";
import { authOptions } from "../../lib/auth/next-auth-options";
import { sessionCookieName } from "../../lib/auth/session-cookie";
import { call, createUser, db, ORIGIN, sessionCookieFor, sessionCookieSetBy, tokenFor } from "../helpers/api";

const pw = "correct horse battery";
process.env.NEXTAUTH_URL ??= ORIGIN; // what npm start sets; next-auth warns without it

// next-auth's framework-free core (not in its package exports; required by path).
type AuthHandlerResult = { status?: number; body?: unknown; redirect?: string; cookies?: { name: string; value: string }[] };
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler: (params: { req: Record<string, unknown>; options: ReturnType<typeof authOptions> }) => Promise<AuthHandlerResult>;
};

/** Drives next-auth's own request handler (what /api/auth/[...nextauth] runs) without Next. */
async function nextAuth(action: string, o: { method?: "GET" | "POST"; providerId?: string; body?: Record<string, string>; cookies?: Record<string, string> } = {}) {
  const res = await AuthHandler({
    req: {
      action,
      method: o.method ?? "GET",
      providerId: o.providerId,
      body: o.body ?? {},
      cookies: o.cookies ?? {},
      headers: { host: "grace.test", "x-grace-client-ip": "10.0.0.1", "content-type": "application/x-www-form-urlencoded" },
      query: {},
      origin: ORIGIN,
    },
    options: authOptions(),
  });
  const cookies: Record<string, string> = Object.fromEntries((res.cookies ?? []).map((c) => [c.name, c.value]));
  return { ...res, cookies };
}

/** Signs in through the sign-in page's path (Credentials callback): the browser's cookie. */
async function browserSignIn(username: string, password: string) {
  const csrf = await nextAuth("csrf");
  const csrfCookie = Object.fromEntries(Object.entries(csrf.cookies).filter(([name]) => name.includes("csrf-token")));
  const res = await nextAuth("callback", {
    method: "POST",
    providerId: "credentials",
    body: { username, password, csrfToken: (csrf.body as { csrfToken: string }).csrfToken, json: "true" },
    cookies: csrfCookie,
  });
  const session: string = res.cookies[sessionCookieName()];
  expect(session, "the sign-in set a session cookie").toBeTruthy();
  return { value: session, header: `${sessionCookieName()}=${session}`, csrfCookie };
}

// Another process's change reaches this one once its copy of the "users" version is older
// than the re-read period (a second). Rather than wait, move this process's clock on — always
// further than before, since the version's copy remembers when (on the moved clock) it was read.
let skew = 0;
async function afterTheCachePeriod<T>(fn: () => Promise<T>): Promise<T> {
  skew += 60_000;
  const now = Date.now();
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    vi.setSystemTime(now + skew);
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

async function browserSignOut(session: { value: string; csrfCookie: Record<string, string> }) {
  const csrf = await nextAuth("csrf", { cookies: session.csrfCookie });
  const token = (csrf.body as { csrfToken: string }).csrfToken;
  return nextAuth("signout", { method: "POST", body: { csrfToken: token }, cookies: { ...session.csrfCookie, ...csrf.cookies, [sessionCookieName()]: session.value } });
}

describe("signing out", () => {
  it("ends the session: the old cookie no longer works, here or in next-auth's session endpoint", async () => {
    const user = await createUser({ password: pw });
    const session = await browserSignIn(user.username, pw);
    expect((await call(me.GET, { cookie: session.header })).status).toBe(200);
    const copy = session.header; // e.g. taken from the browser before signing out

    const out = await browserSignOut(session);
    expect(out.cookies[sessionCookieName()]).toBe(""); // the browser's copy is cleared
    expect((await call(me.GET, { cookie: copy })).status).toBe(401);
    expect((await call(tasks.GET, { cookie: copy })).status).toBe(401);
    const nextAuthSession = await nextAuth("session", { cookies: { [sessionCookieName()]: session.value } });
    expect(nextAuthSession.body).toEqual({});
    expect(await db.logEntry.count({ where: { action: "auth.logout", actor: user.username, result: "success" } })).toBe(1);

    // Signing in again works, and signing out with the stale copy changes nothing.
    const again = await browserSignIn(user.username, pw);
    await browserSignOut(session);
    expect((await call(me.GET, { cookie: again.header })).status).toBe(200);
    expect(await db.logEntry.count({ where: { action: "auth.logout", actor: user.username } })).toBe(1);
  });

  it("a cookie of a user another process disabled is refused", async () => {
    const user = await createUser({ password: pw });
    const cookie = await sessionCookieFor(user);
    expect((await call(me.GET, { cookie })).status).toBe(200);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await db.cacheVersion.upsert({ where: { name: "users" }, create: { name: "users", version: 1 }, update: { version: { increment: 1 } } });
    await afterTheCachePeriod(async () => expect((await call(me.GET, { cookie })).status).toBe(401));
  });

  it("a change made by another process reaches this one through the version row", async () => {
    const user = await createUser({ password: pw });
    const cookie = await sessionCookieFor(user);
    expect((await call(me.GET, { cookie })).status).toBe(200); // now in this process's cache
    // Another process signs the user out: it moves the version in the database only.
    await db.$transaction([
      db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } }),
      db.cacheVersion.upsert({ where: { name: "users" }, create: { name: "users", version: 1 }, update: { version: { increment: 1 } } }),
    ]);
    await afterTheCachePeriod(async () => {
      expect((await call(me.GET, { cookie })).status).toBe(401);
      expect((await call(me.GET, { cookie: await sessionCookieFor(user) })).status).toBe(200);
    });
  });
});

describe("sign out everywhere", () => {
  it("ends every browser session and revokes API sign-in tokens; personal tokens keep working", async () => {
    const user = await createUser({ password: pw });
    const here = await sessionCookieFor(user);
    const laptop = await sessionCookieFor(user);
    const loginToken = (await call(login.POST, { body: { username: user.username, password: pw } })).json.access_token;
    const personal = await tokenFor(user, "backup script");

    const res = await call(sessions.DELETE, { method: "DELETE", cookie: here });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ sessions_ended: true, login_tokens_revoked: 1 });
    expect(res.headers.get("set-cookie")).toMatch(new RegExp(`^${sessionCookieName()}=;.*Max-Age=0`));
    for (const cookie of [here, laptop]) expect((await call(me.GET, { cookie })).status).toBe(401);
    expect((await call(me.GET, { bearer: loginToken })).status).toBe(401);
    expect((await call(me.GET, { bearer: personal })).status).toBe(200);
    const entry = await db.logEntry.findFirstOrThrow({ where: { action: "auth.logout_everywhere", actor: user.username } });
    expect(JSON.parse(entry.payload)).toMatchObject({ login_tokens_revoked: 1 });
  });

  it("refuses a cross-site request", async () => {
    const user = await createUser({ password: pw });
    const res = await call(sessions.DELETE, { method: "DELETE", cookie: await sessionCookieFor(user), origin: "http://evil.test" });
    expect(res.status).toBe(403);
  });
});

describe("changing one's password", () => {
  it("needs the current password, ends the other sessions and keeps this one", async () => {
    const user = await createUser({ password: pw });
    const here = await sessionCookieFor(user);
    const elsewhere = await sessionCookieFor(user);
    const loginToken = (await call(login.POST, { body: { username: user.username, password: pw } })).json.access_token;
    const personal = await tokenFor(user);

    const wrong = await call(password.POST, { cookie: here, body: { current_password: "not it at all", new_password: "a brand new secret" } });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.fields).toEqual([{ field: "body.current_password", message: "is not your current password" }]);
    expect(await db.logEntry.count({ where: { action: "user.password_change", actor: user.username, result: "failure" } })).toBe(1);
    const short = await call(password.POST, { cookie: here, body: { current_password: pw, new_password: "short" } });
    expect(short.status).toBe(422);
    expect(short.json.error.fields[0].field).toBe("body.new_password");
    const same = await call(password.POST, { cookie: here, body: { current_password: pw, new_password: pw } });
    expect(same.status).toBe(422);

    const res = await call(password.POST, { cookie: here, body: { current_password: pw, new_password: "a brand new secret" } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ changed: true, other_sessions_ended: true, login_tokens_revoked: 1 });
    const reissued = sessionCookieSetBy(res);
    expect(reissued).toBeTruthy();
    expect((await call(me.GET, { cookie: reissued! })).status).toBe(200); // this browser stays signed in
    for (const cookie of [here, elsewhere]) expect((await call(me.GET, { cookie })).status).toBe(401);
    expect((await call(me.GET, { bearer: loginToken })).status).toBe(401);
    expect((await call(me.GET, { bearer: personal })).status).toBe(200);

    expect((await call(login.POST, { body: { username: user.username, password: pw } })).status).toBe(401);
    expect((await call(login.POST, { body: { username: user.username, password: "a brand new secret" } })).status).toBe(200);
    const entry = await db.logEntry.findFirstOrThrow({ where: { action: "user.password_change", actor: user.username, result: "success" } });
    expect(JSON.parse(entry.payload)).toMatchObject({ was_temporary: false, login_tokens_revoked: 1 });
    expect(entry.payload).not.toContain("brand new");
  });

  it("with a token, keeps the calling token and answers without a cookie", async () => {
    const user = await createUser({ password: pw });
    const loginToken = (await call(login.POST, { body: { username: user.username, password: pw } })).json.access_token;
    const res = await call(password.POST, { bearer: loginToken, body: { current_password: pw, new_password: "another good one" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect((await call(me.GET, { bearer: loginToken })).status).toBe(200);
  });

  it("counts wrong current passwords towards the sign-in lockout", async () => {
    const user = await createUser({ password: pw });
    const cookie = await sessionCookieFor(user);
    const ip = { "x-grace-client-ip": "10.3.3.3" };
    for (let i = 0; i < 10; i++) {
      expect((await call(password.POST, { cookie, headers: ip, body: { current_password: `guess ${i}`, new_password: "whatever works" } })).status).toBe(422);
    }
    const locked = await call(password.POST, { cookie, headers: ip, body: { current_password: pw, new_password: "whatever works" } });
    expect(locked.status).toBe(429);
  });
});

describe("a temporary password", () => {
  async function temporaryUser() {
    const user = await createUser({ password: pw });
    await db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    return user;
  }

  it("API sign-in still returns a token, but every call but the password change answers 403 until it is changed", async () => {
    const user = await temporaryUser();
    const signedIn = await call(login.POST, { body: { username: user.username, password: pw } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.json).toMatchObject({ token_type: "bearer", must_change_password: true });
    const token = signedIn.json.access_token;

    const refused = await call(tasks.GET, { bearer: token });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/^Change your password first/);
    expect((await call(tasks.POST, { bearer: token, body: { title: "x" } })).status).toBe(403);
    const whoami = await call(me.GET, { bearer: token });
    expect(whoami.status).toBe(200);
    expect(whoami.json.must_change_password).toBe(true);

    expect((await call(password.POST, { bearer: token, body: { current_password: pw, new_password: "my own password" } })).status).toBe(200);
    expect((await call(tasks.GET, { bearer: token })).status).toBe(200);
    expect((await call(me.GET, { bearer: token })).json.must_change_password).toBe(false);
    const entry = await db.logEntry.findFirstOrThrow({ where: { action: "user.password_change", actor: user.username, result: "success" } });
    expect(JSON.parse(entry.payload)).toMatchObject({ was_temporary: true });
  });

  it("a browser session is held at the password change the same way, then continues with the new cookie", async () => {
    const user = await temporaryUser();
    const session = await browserSignIn(user.username, pw);
    expect((await call(tasks.GET, { cookie: session.header })).status).toBe(403);
    const res = await call(password.POST, { cookie: session.header, body: { current_password: pw, new_password: "my own password" } });
    expect(res.status).toBe(200);
    const reissued = sessionCookieSetBy(res)!;
    expect((await call(tasks.GET, { cookie: reissued })).status).toBe(200);
    expect((await call(tasks.GET, { cookie: session.header })).status).toBe(401);
  });
});
