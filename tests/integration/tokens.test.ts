import { describe, expect, it } from "vitest";
import * as tokens from "../../app/api/tokens/route";
import * as token from "../../app/api/tokens/[id]/route";
import * as me from "../../app/api/me/route";
import { hashToken } from "../../lib/tokens/token-format";
import { call, createUser, db, sessionCookieFor, tokenFor } from "../helpers/api";

describe("personal API tokens", async () => {
  const alice = await createUser();
  const bob = await createUser();
  const cookie = await sessionCookieFor(alice);

  it("creates a token shown once, stores only its hash, and it works as a bearer token", async () => {
    const created = await call(tokens.POST, { cookie, body: { name: "laptop" } });
    expect(created.status).toBe(201);
    const plain: string = created.json.token;
    expect(plain).toMatch(/^grace_[A-Za-z0-9_-]{43}$/);
    expect(created.json.prefix).toBe(plain.slice(0, 12));

    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.json.id } });
    expect(row.tokenHash).toBe(hashToken(plain));
    expect(JSON.stringify(row)).not.toContain(plain);

    const whoami = await call(me.GET, { bearer: plain });
    expect(whoami.status).toBe(200);
    expect(whoami.json).toMatchObject({ username: alice.username, authenticated_by: "token" });

    const list = await call(tokens.GET, { cookie });
    expect(list.status).toBe(200);
    const listed = list.json.items.find((t: { id: number }) => t.id === created.json.id);
    expect(listed).toMatchObject({ name: "laptop", prefix: plain.slice(0, 12) });
    expect(listed.token).toBeUndefined();
    expect(list.text).not.toContain(plain);

    // last_used_at is recorded off the request path
    await expect.poll(async () => (await db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).not.toBeNull();
  });

  it("revokes a token: it stops working at once and leaves the list", async () => {
    const created = await call(tokens.POST, { cookie, body: { name: "temp" } });
    const revoked = await call(token.DELETE, { cookie, method: "DELETE", params: { id: String(created.json.id) } });
    expect(revoked.status).toBe(200);
    expect(revoked.json.revoked_at).not.toBeNull();
    expect((await call(me.GET, { bearer: created.json.token })).status).toBe(401);
    const list = await call(tokens.GET, { cookie });
    expect(list.json.items.map((t: { id: number }) => t.id)).not.toContain(created.json.id);
  });

  it("never lets one user revoke another's token", async () => {
    const created = await call(tokens.POST, { cookie, body: { name: "mine" } });
    const bobCookie = await sessionCookieFor(bob);
    const res = await call(token.DELETE, { cookie: bobCookie, method: "DELETE", params: { id: String(created.json.id) } });
    expect(res.status).toBe(404);
    expect((await call(me.GET, { bearer: created.json.token })).status).toBe(200);
    const bobList = await call(tokens.GET, { cookie: bobCookie });
    expect(bobList.json.items).toEqual([]);
  });

  it("never lets a token mint a token that outlives it", async () => {
    const { token: login } = await import("../helpers/api").then(async (h) => {
      const { writeTransaction } = await import("../../lib/db/transaction");
      const { issueLoginToken } = await import("../../lib/tokens/issue-login-token");
      return { token: (await writeTransaction((tx) => issueLoginToken({ tx, user: alice, ip: "10.0.0.1" }))).access_token, h };
    });
    const callerExpiry = (await call(tokens.GET, { bearer: login })).json.items.find((t: { kind: string }) => t.kind === "login").expires_at;
    const minted = await call(tokens.POST, { bearer: login, body: { name: "forever" } });
    expect(minted.status).toBe(201);
    expect(minted.json.expires_at).toBe(callerExpiry);
    const longer = await call(tokens.POST, { bearer: login, body: { name: "ten years", expires_in_days: 3650 } });
    expect(longer.json.expires_at).toBe(callerExpiry);
    // With the browser session, a person can still make a token that never expires.
    expect((await call(tokens.POST, { cookie, body: { name: "forever" } })).json.expires_at).toBeNull();
  });

  it("refuses an expired token", async () => {
    const created = await call(tokens.POST, { cookie, body: { name: "short", expires_in_days: 1 } });
    await db.apiToken.update({ where: { id: created.json.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(me.GET, { bearer: created.json.token })).status).toBe(401);
  });

  it("validates the name and the id", async () => {
    const res = await call(tokens.POST, { cookie, body: { name: "" } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields[0].field).toBe("body.name");
    const bad = await call(token.DELETE, { cookie, method: "DELETE", params: { id: "abc" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields[0].field).toBe("params.id");
  });

  it("audits creation and revocation", async () => {
    const actions = await db.logEntry.findMany({ where: { actor: alice.username }, select: { action: true } });
    const names = actions.map((a) => a.action);
    expect(names).toContain("token.create");
    expect(names).toContain("token.revoke");
  });

  it("paginates with a cursor and refuses limit=101", async () => {
    for (let i = 0; i < 5; i++) await call(tokens.POST, { cookie, body: { name: `bulk ${i}` } });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof call>> = await call(tokens.GET, { cookie, path: `/api/tokens?limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      expect(res.status).toBe(200);
      expect(res.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.json.items.map((t: { id: number }) => t.id));
      cursor = res.json.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    const live = await db.apiToken.count({ where: { userId: alice.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } });
    expect(seen.length).toBe(live);

    const tooMany = await call(tokens.GET, { cookie, path: "/api/tokens?limit=101" });
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.error.fields[0].field).toBe("query.limit");
    const badCursor = await call(tokens.GET, { cookie, path: "/api/tokens?cursor=zzz" });
    expect(badCursor.status).toBe(422);
    expect(badCursor.json.error.fields[0].field).toBe("query.cursor");
  });
});

describe("what a token may still do", async () => {
  const user = await createUser();
  const token = await tokenFor(user);
  const row = await db.apiToken.findFirstOrThrow({ where: { userId: user.id } });

  it("works until it expires, then is refused", async () => {
    const future = new Date(Date.now() + 3_600_000);
    await db.apiToken.update({ where: { id: row.id }, data: { expiresAt: future } });
    const ok = await call(me.GET, { bearer: token });
    expect(ok.status).toBe(200);
    expect(ok.json.username).toBe(user.username);
    await db.apiToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(me.GET, { bearer: token })).status).toBe(401);
    await db.apiToken.update({ where: { id: row.id }, data: { expiresAt: null } });
    expect((await call(me.GET, { bearer: token })).status).toBe(200);
  });

  it("stops working when its user is disabled", async () => {
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await call(me.GET, { bearer: token })).status).toBe(401);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: null } });
    expect((await call(me.GET, { bearer: token })).status).toBe(200);
  });
});
