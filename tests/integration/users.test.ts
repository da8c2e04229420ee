// Admins manage accounts through /api/users: list, create (with a temporary password), change
// role, disable, set a temporary password, delete. None of it existed before issue 9.
import { describe, expect, it } from "vitest";
import * as users from "../../app/api/users/route";
import * as oneUser from "../../app/api/users/[id]/route";
import * as me from "../../app/api/me/route";
import * as login from "../../app/api/auth/login/route";
import * as register from "../../app/api/auth/register/route";
import * as tasks from "../../app/api/tasks/route";
import * as goals from "../../app/api/goals/route";
import * as chat from "../../app/api/chat/route";
import * as ingestText from "../../app/api/ingest/text/route";
import * as search from "../../app/api/knowledge/search/route";
import * as verify from "../../app/api/log/verify/route";
import * as entries from "../../app/api/log/entries/route";
import { call, createUser, db, sessionCookieFor, tokenFor } from "../helpers/api";

const pw = "correct horse battery";

describe("/api/users", async () => {
  const admin = await createUser({ role: "admin", password: pw });
  const adminToken = await tokenFor(admin);
  const patch = (id: number, body: unknown) => call(oneUser.PATCH, { method: "PATCH", bearer: adminToken, params: { id: String(id) }, body });
  const remove = (id: number) => call(oneUser.DELETE, { method: "DELETE", bearer: adminToken, params: { id: String(id) } });

  it("is for admins only", async () => {
    const someone = await createUser();
    const token = await tokenFor(someone);
    expect((await call(users.GET, { bearer: token })).status).toBe(403);
    expect((await call(users.POST, { bearer: token, body: { username: "sneaky", password: "long enough pw", role: "admin" } })).status).toBe(403);
    expect((await call(oneUser.PATCH, { method: "PATCH", bearer: token, params: { id: String(someone.id) }, body: { role: "admin" } })).status).toBe(403);
    expect((await call(oneUser.DELETE, { method: "DELETE", bearer: token, params: { id: String(admin.id) } })).status).toBe(403);
    expect((await call(users.GET, {})).status).toBe(401);
  });

  it("lists every account in pages of {items, next_cursor}", async () => {
    for (let i = 0; i < 3; i++) await createUser();
    const total = await db.user.count();
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof call>> = await call(users.GET, { bearer: adminToken, path: `/api/users?limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      expect(res.status).toBe(200);
      expect(res.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.json.items.map((u: { id: number }) => u.id));
      cursor = res.json.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const first = (await call(users.GET, { bearer: adminToken, path: "/api/users?limit=100" })).json.items.find((u: { id: number }) => u.id === admin.id);
    expect(first).toEqual({ id: admin.id, username: admin.username, role: "admin", disabled: false, disabled_at: null, must_change_password: false, created_at: expect.any(String) });
    expect(JSON.stringify(first)).not.toMatch(/argon|passwordHash|session/i);
  });

  it("creates an account with a temporary password, audited with the admin as actor", async () => {
    const res = await call(users.POST, { bearer: adminToken, body: { username: "New.Person", password: "temporary pw 1", role: "user" } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ username: "new.person", role: "user", must_change_password: true, disabled: false });
    const entry = await db.logEntry.findFirstOrThrow({ where: { action: "user.register", resource: `user:${res.json.id}` } });
    expect(entry.actor).toBe(admin.username);
    expect(JSON.parse(entry.payload)).toEqual({ username: "new.person", role: "user", temporary_password: true });
    expect(entry.payload).not.toContain("temporary pw 1");

    const signedIn = await call(login.POST, { body: { username: "new.person", password: "temporary pw 1" } });
    expect(signedIn.json.must_change_password).toBe(true);
    expect((await call(tasks.GET, { bearer: signedIn.json.access_token })).status).toBe(403);

    expect((await call(users.POST, { bearer: adminToken, body: { username: "new.person", password: "temporary pw 1" } })).status).toBe(409);
    const bad = await call(users.POST, { bearer: adminToken, body: { username: "x", password: "short", role: "root" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["body.password", "body.role", "body.username"]);
  });

  it("refuses the names of Grace's own actors, in any case, from admins and from sign-up", async () => {
    for (const username of ["health-loop", "Meta-Loop", "HUNTER", "Worker", "system", "reflection-loop"]) {
      const res = await call(users.POST, { bearer: adminToken, body: { username, password: "long enough pw" } });
      expect(res.status, username).toBe(422);
      expect(res.json.error.fields).toEqual([{ field: "body.username", message: "is reserved" }]);
    }
    process.env.GRACE_OPEN_REGISTRATION = "true";
    try {
      const res = await call(register.POST, { body: { username: "Health-Loop", password: "long enough pw" } });
      expect(res.status).toBe(422);
      expect(res.json.error.fields).toEqual([{ field: "body.username", message: "is reserved" }]);
    } finally {
      delete process.env.GRACE_OPEN_REGISTRATION;
    }
    expect(await db.user.count({ where: { username: { in: ["health-loop", "meta-loop", "hunter", "worker"] } } })).toBe(0);
  });

  it("changing a role ends the user's sessions and is audited", async () => {
    const user = await createUser({ password: pw });
    const cookie = await sessionCookieFor(user);
    const res = await patch(user.id, { role: "admin" });
    expect(res.status).toBe(200);
    expect(res.json.role).toBe("admin");
    expect((await call(me.GET, { cookie })).status).toBe(401);
    expect((await call(me.GET, { cookie: await sessionCookieFor(user) })).json.role).toBe("admin");
    const entry = await db.logEntry.findFirstOrThrow({ where: { action: "user.role_change", resource: `user:${user.id}` } });
    expect(entry.actor).toBe(admin.username);
    expect(JSON.parse(entry.payload)).toMatchObject({ from: "user", to: "admin" });
    // The same role again changes nothing and writes nothing.
    expect((await patch(user.id, { role: "admin" })).status).toBe(200);
    expect(await db.logEntry.count({ where: { action: "user.role_change", resource: `user:${user.id}` } })).toBe(1);
  });

  it("a role change and disabling are two requests: asked together, neither is applied", async () => {
    const user = await createUser({ password: pw });
    const res = await patch(user.id, { role: "admin", disabled: true });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.json)).toContain("body.disabled");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ role: "user", disabledAt: null });
  });

  it("disabling ends the sessions and revokes every token; enabling brings neither back", async () => {
    const user = await createUser({ password: pw });
    const cookie = await sessionCookieFor(user);
    const token = await tokenFor(user);
    const res = await patch(user.id, { disabled: true });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ disabled: true, disabled_at: expect.any(String) });
    expect((await call(me.GET, { cookie })).status).toBe(401);
    expect((await call(me.GET, { bearer: token })).status).toBe(401);
    expect(await db.apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect((await call(login.POST, { body: { username: user.username, password: pw } })).status).toBe(401);
    const entry = await db.logEntry.findFirstOrThrow({ where: { action: "user.disable", resource: `user:${user.id}` } });
    expect(JSON.parse(entry.payload)).toMatchObject({ tokens_revoked: 1 });

    expect((await patch(user.id, { disabled: false })).json.disabled).toBe(false);
    expect((await call(me.GET, { bearer: token })).status).toBe(401);
    expect((await call(me.GET, { cookie })).status).toBe(401);
    expect((await call(login.POST, { body: { username: user.username, password: pw } })).status).toBe(200);
    expect(await db.logEntry.count({ where: { action: "user.enable", resource: `user:${user.id}` } })).toBe(1);
  });

  it("a temporary password ends the sessions and must be changed at next sign-in", async () => {
    const user = await createUser({ password: pw });
    const cookie = await sessionCookieFor(user);
    const personal = await tokenFor(user);
    const res = await patch(user.id, { temporary_password: "given by admin" });
    expect(res.status).toBe(200);
    expect(res.json.must_change_password).toBe(true);
    expect((await call(me.GET, { cookie })).status).toBe(401);
    expect((await call(login.POST, { body: { username: user.username, password: pw } })).status).toBe(401);
    const signedIn = await call(login.POST, { body: { username: user.username, password: "given by admin" } });
    expect(signedIn.json.must_change_password).toBe(true);
    // Even a personal token waits for the new password: the account is what is held.
    expect((await call(tasks.GET, { bearer: personal })).status).toBe(403);
    const entry = await db.logEntry.findFirstOrThrow({ where: { action: "user.password_reset", resource: `user:${user.id}` } });
    expect(entry.actor).toBe(admin.username);
    expect(entry.payload).not.toContain("given by admin");
  });

  it("validates a change: something to change, known fields, a real id", async () => {
    const user = await createUser();
    expect((await patch(user.id, {})).status).toBe(422);
    expect((await patch(user.id, { password: "long enough pw" })).status).toBe(422);
    expect((await patch(user.id, { temporary_password: "short" })).status).toBe(422);
    expect((await patch(999_999, { role: "user" })).status).toBe(404);
    expect((await call(oneUser.PATCH, { method: "PATCH", bearer: adminToken, params: { id: "abc" }, body: { role: "user" } })).status).toBe(422);
  });

  it("an admin cannot disable or delete their own account", async () => {
    const res = await patch(admin.id, { disabled: true });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/own account/);
    expect((await remove(admin.id)).status).toBe(409);
  });

  it("deleting removes private data, keeps shared artifacts (reassigned) and the audit log, and says which", async () => {
    const user = await createUser({ password: pw });
    const token = await tokenFor(user);
    const cookie = await sessionCookieFor(user);
    const as = { bearer: token };
    expect((await call(ingestText.POST, { ...as, body: { title: "My diary", content: "Zanzibarian secret notes about quokkas.", visibility: "private" } })).status).toBe(201);
    const shared = await call(ingestText.POST, { ...as, body: { title: "Team handbook", content: "The team handbook explains onboarding with walruses." } });
    expect(shared.status).toBe(201);
    expect((await call(chat.POST, { ...as, body: { message: "hello there" } })).status).toBe(200);
    expect((await call(tasks.POST, { ...as, body: { title: "water the plants" } })).status).toBe(201);
    expect((await call(goals.POST, { ...as, body: { goal_text: "learn the banjo" } })).status).toBe(201);
    const auditBefore = await db.logEntry.count({ where: { actor: user.username } });
    expect(auditBefore).toBeGreaterThan(0);

    const res = await remove(user.id);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      deleted: true,
      user: { id: user.id, username: user.username },
      removed: { tokens: 1, private_artifacts: 1, conversations: 1, messages: 2, tasks: 1, goals: 1 },
      kept: { shared_artifacts: 1, shared_artifacts_owner: admin.username, audit_entries: auditBefore },
    });

    expect(await db.user.findUnique({ where: { id: user.id } })).toBeNull();
    expect(await db.knowledgeArtifact.count({ where: { visibility: "private", ownerId: user.id } })).toBe(0);
    expect((await db.knowledgeArtifact.findUniqueOrThrow({ where: { id: shared.json.artifact_id } })).ownerId).toBe(admin.id);
    expect(await db.chatMessage.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.logEntry.count({ where: { actor: user.username } })).toBe(auditBefore);
    // The private passages are gone from the search index; the shared ones still answer.
    expect((await call(search.POST, { bearer: adminToken, body: { query: "walruses" } })).json.count).toBe(1);
    const stranger = await tokenFor(await createUser());
    expect((await call(search.POST, { bearer: stranger, body: { query: "quokkas" } })).json.count).toBe(0);
    expect(await db.knowledgeChunk.count({ where: { content: { contains: "quokkas" } } })).toBe(0);

    expect((await call(me.GET, { cookie })).status).toBe(401);
    expect((await call(me.GET, { bearer: token })).status).toBe(401);
    const entry = await db.logEntry.findFirstOrThrow({ where: { action: "user.delete", resource: `user:${user.id}` } });
    expect(entry.actor).toBe(admin.username);
    expect(JSON.parse(entry.payload)).toMatchObject({ username: user.username, removed: { private_artifacts: 1 }, kept: { shared_artifacts: 1 } });
    const chain = await call(verify.GET, { bearer: adminToken });
    expect(chain.json.valid).toBe(true);

    // The name stays with its audit entries: a newcomer cannot take it and read them as theirs.
    const again = await call(users.POST, { bearer: adminToken, body: { username: user.username, password: "long enough pw" } });
    expect(again.status).toBe(409);
    expect((await call(entries.GET, { bearer: adminToken, path: `/api/log/entries?actor=${user.username}` })).status).toBe(200);
    expect((await remove(user.id)).status).toBe(404);
  });
});
