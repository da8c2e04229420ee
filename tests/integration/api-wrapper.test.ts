import { describe, expect, it } from "vitest";
import { z } from "zod";
import { route } from "../../lib/api/route";
import { ConflictError, NotFoundError } from "../../lib/errors";
import { forgetSystemMode } from "../../lib/system/get-mode";
import { call, createUser, db, sessionCookieFor, tokenFor } from "../helpers/api";

const echo = route(
  { body: z.object({ name: z.string().min(1, "is required"), count: z.number().int("must be a whole number") }), query: z.object({ dry: z.enum(["yes", "no"]).optional() }) },
  async ({ body, user }) => ({ name: body.name, count: body.count, user: user.username }),
);
const adminOnly = route({ access: "admin" }, async ({ user }) => ({ admin: user.username }));
const boom = route({}, async () => {
  throw new Error("database password is hunter2");
});
const missing = route({}, async () => {
  throw new NotFoundError("widget");
});
const clash = route({}, async () => {
  throw new ConflictError("widget already exists");
});
const publicRoute = route({ access: "public" }, async ({ user }) => ({ user: user?.username ?? null }));

describe("the API wrapper", async () => {
  const user = await createUser();
  const admin = await createUser({ role: "admin" });
  const token = await tokenFor(user);
  const adminToken = await tokenFor(admin);
  const cookie = await sessionCookieFor(user);

  it("answers 401 JSON without credentials or with a bad token", async () => {
    const none = await call(adminOnly);
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toContain("application/json");
    expect(none.json.error.code).toBe("unauthorized");
    const bad = await call(adminOnly, { bearer: "grace_" + "x".repeat(43) });
    expect(bad.status).toBe(401);
    expect(bad.json.detail).toBe("Could not validate credentials");
    const garbage = await call(adminOnly, { headers: { authorization: "Basic abc" } });
    expect(garbage.status).toBe(401);
  });

  it("answers 403 for the wrong role and 200 for the right one", async () => {
    expect((await call(adminOnly, { bearer: token })).status).toBe(403);
    const ok = await call(adminOnly, { bearer: adminToken });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ admin: admin.username });
  });

  it("accepts the session cookie as well as a bearer token", async () => {
    const res = await call(echo, { cookie, body: { name: "a", count: 1 } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ name: "a", count: 1, user: user.username });
  });

  it("names every bad field with 422", async () => {
    const res = await call(echo, { bearer: token, body: { name: "", count: 1.5 }, path: "/api/test?dry=maybe" });
    expect(res.status).toBe(422);
    const fields = res.json.error.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(["body.count", "body.name", "query.dry"]);
    expect(res.json.error.message).toContain("body.name: is required");
  });

  it("refuses a body that is not JSON with 422", async () => {
    const res = await call(echo, { bearer: token, rawBody: "{nope", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toEqual([{ field: "body", message: "is not valid JSON" }]);
  });

  it("answers 413 when the body is over the limit, by header or by counting", async () => {
    const big = "x".repeat(1_048_577);
    const byHeader = await call(echo, { bearer: token, rawBody: big, headers: { "content-length": String(big.length) } });
    expect(byHeader.status).toBe(413);
    expect(byHeader.json.error.code).toBe("payload_too_large");
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const req = new Request("http://grace.test/api/test", {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: stream,
      // @ts-expect-error -- Node's fetch needs this for a streamed body
      duplex: "half",
    });
    const res = await echo(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
  });

  it("maps not found and conflict, and hides the cause of a 500", async () => {
    expect((await call(missing, { bearer: token })).status).toBe(404);
    expect((await call(clash, { bearer: token })).status).toBe(409);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const res = await call(boom, { bearer: token });
      expect(res.status).toBe(500);
      expect(res.text).not.toContain("hunter2");
      expect(res.json.error).toEqual({ code: "internal", message: "Internal server error" });
    } finally {
      console.error = original;
    }
    expect(JSON.stringify(errors, (_k, v) => (v instanceof Error ? v.message : v))).toContain("hunter2");
  });

  it("refuses cookie-authenticated writes from another origin (CSRF)", async () => {
    const evil = await call(echo, { cookie, body: { name: "a", count: 1 }, origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(evil.json.error.message).toContain("Cross-site");
    const noOrigin = await call(echo, { cookie, body: { name: "a", count: 1 }, origin: null });
    expect(noOrigin.status).toBe(403);
    // Bearer tokens are not ambient credentials: no origin check.
    const api = await call(echo, { bearer: token, body: { name: "a", count: 1 }, origin: "https://elsewhere.example" });
    expect(api.status).toBe(200);
  });

  it("lets public routes through and still reads credentials when given", async () => {
    expect((await call(publicRoute)).json).toEqual({ user: null });
    expect((await call(publicRoute, { bearer: token })).json).toEqual({ user: user.username });
  });

  it("refuses writes with 503 in read_only mode while reads keep working", async () => {
    await db.systemState.update({ where: { id: 1 }, data: { mode: "read_only", reason: "disk almost full" } });
    forgetSystemMode();
    try {
      const write = await call(echo, { bearer: token, body: { name: "a", count: 1 } });
      expect(write.status).toBe(503);
      expect(write.json.error.message).toContain("read_only");
      expect(write.json.error.message).toContain("disk almost full");
      expect((await call(publicRoute, { bearer: token })).status).toBe(200);
    } finally {
      await db.systemState.update({ where: { id: 1 }, data: { mode: "normal", reason: "" } });
      forgetSystemMode();
    }
  });
});
