// Settings → Model (issue 11, item 7): an admin stores the OpenAI-compatible endpoint, model and
// key in the database, where they take precedence over GRACE_LLM_*; the key is kept encrypted,
// shown only masked and never written to a response or the audit log; "Test connection" is a
// job the worker runs against the model in force. Two local fake model servers stand for the
// environment's model and the one saved in Settings.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import * as chat from "../../app/api/chat/route";
import * as jobStatus from "../../app/api/executor/status/[id]/route";
import * as modelRoute from "../../app/api/settings/model/route";
import * as testRoute from "../../app/api/settings/model/test/route";
import { bumpCacheVersion } from "../../lib/db/cache-version";
import { writeTransaction } from "../../lib/db/transaction";
import { MODEL_SETTINGS_CACHE, modelSettings } from "../../lib/llm/settings";
import { seal } from "../../lib/llm/secret-box";
import { TEST_PROMPT } from "../../lib/llm/test-connection";
import { Executor } from "../../workers/executor";
import { call, createUser, db, sessionCookieFor, tokenFor } from "../helpers/api";
import { startFakeLlm } from "../helpers/fake-llm";

const DB_KEY = "sk-db-0123456789abcdefSECRETa1b2";
const ENV_KEY = "sk-env-9876543210zyxwvuENVKEYc3d4";
const NEW_KEY = "sk-new-5555555555555555NEWKEYe5f6";
const KEYS = [DB_KEY, ENV_KEY, NEW_KEY];

describe("model settings", async () => {
  const envModel = await startFakeLlm();
  const dbModel = await startFakeLlm();
  const executor = new Executor({ workerId: "model-test", concurrency: 2, log: () => {} });
  executor.start();
  const admin = await createUser({ role: "admin" });
  const adminToken = await tokenFor(admin);
  const user = await createUser();
  const userToken = await tokenFor(user);
  /** Every response body this file saw: none may hold a key. */
  const seen: string[] = [];

  beforeEach(() => {
    process.env.GRACE_LLM_BASE_URL = envModel.url;
    process.env.GRACE_LLM_MODEL = "env-model";
    process.env.GRACE_LLM_API_KEY = ENV_KEY;
    envModel.behave({ tokens: ["From the environment's model."] });
    dbModel.behave({ tokens: ["From the saved model."] });
  });
  afterAll(async () => {
    delete process.env.GRACE_LLM_BASE_URL;
    delete process.env.GRACE_LLM_MODEL;
    delete process.env.GRACE_LLM_API_KEY;
    await executor.stop(0);
    await envModel.close();
    await dbModel.close();
  });

  const as = async (handler: Parameters<typeof call>[0], o: Parameters<typeof call>[1] = {}) => {
    const res = await call(handler, { bearer: adminToken, ...o });
    seen.push(res.text);
    return res;
  };
  const get = () => as(modelRoute.GET);
  const put = (body: unknown) => as(modelRoute.PUT, { method: "PUT", body });
  const reset = () => as(modelRoute.DELETE, { method: "DELETE" });
  const ask = async (message = "Hello there, who answers?") => {
    const res = await call(chat.POST, { bearer: userToken, body: { message } });
    expect(res.status).toBe(200);
    return res.json;
  };

  it("is for admins only", async () => {
    for (const [handler, method] of [
      [modelRoute.GET, "GET"],
      [modelRoute.PUT, "PUT"],
      [modelRoute.DELETE, "DELETE"],
      [testRoute.POST, "POST"],
    ] as const) {
      const body = method === "PUT" ? { base_url: dbModel.url, model: "m" } : undefined;
      expect((await call(handler, { method, bearer: userToken, body })).status).toBe(403);
      expect((await call(handler, { method, body })).status).toBe(401);
    }
    // A regular user's session cookie too (the UI's way in).
    expect((await call(modelRoute.GET, { cookie: await sessionCookieFor(user) })).status).toBe(403);
    expect(await db.modelSetting.count()).toBe(0);
    expect(await db.job.count({ where: { kind: "model_test" } })).toBe(0);
  });

  it("shows the environment's settings when nothing is saved, the key masked", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      source: "environment",
      engine: "model",
      base_url: envModel.url,
      model: "env-model",
      api_key: { set: true, masked: "sk-…c3d4", unreadable: false },
      environment: { base_url: envModel.url, model: "env-model", api_key: { set: true, masked: "sk-…c3d4" } },
      updated_by: null,
    });
    const answer = await ask();
    expect(answer.engine).toBe("llm");
    expect(envModel.lastRequest()!.model).toBe("env-model");
    expect(envModel.lastAuthorization()).toBe(`Bearer ${ENV_KEY}`);
  });

  it("saved settings take precedence over the environment, as a whole, and the key is stored encrypted", async () => {
    const before = dbModel.requests();
    const res = await put({ base_url: `${dbModel.url}/`, model: "db-model", api_key: DB_KEY });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ source: "database", engine: "model", base_url: dbModel.url, model: "db-model", api_key: { set: true, masked: "sk-…a1b2" }, updated_by: admin.username });
    const row = await db.modelSetting.findUniqueOrThrow({ where: { id: 1 } });
    expect(row.apiKeyCipher).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(DB_KEY);
    const envBefore = envModel.requests();
    const answer = await ask();
    expect(answer).toMatchObject({ engine: "llm", response: "From the saved model." });
    expect(dbModel.requests()).toBe(before + 1);
    expect(envModel.requests()).toBe(envBefore);
    expect(dbModel.lastRequest()!.model).toBe("db-model");
    expect(dbModel.lastAuthorization()).toBe(`Bearer ${DB_KEY}`);
    const entry = await db.logEntry.findFirstOrThrow({ where: { action: "settings.model.update" }, orderBy: { sequence: "desc" } });
    expect(entry).toMatchObject({ actor: admin.username, resource: "settings:model", subsystem: "settings" });
    expect(JSON.parse(entry.payload)).toMatchObject({ base_url: dbModel.url, model: "db-model", api_key: "set", before: { source: "environment" } });
  });

  it("keeps the key when it is left out, for the same endpoint; asks for it again for another host", async () => {
    const kept = await put({ base_url: dbModel.url, model: "db-model-2" });
    expect(kept.status).toBe(200);
    expect(kept.json.api_key.masked).toBe("sk-…a1b2");
    await ask();
    expect(dbModel.lastRequest()!.model).toBe("db-model-2");
    expect(dbModel.lastAuthorization()).toBe(`Bearer ${DB_KEY}`);

    const moved = await put({ base_url: "http://localhost:9/v1", model: "db-model-2" });
    expect(moved.status).toBe(422);
    expect(moved.json.error.fields).toEqual([expect.objectContaining({ field: "body.api_key" })]);
    expect((await modelSettings()).baseUrl).toBe(dbModel.url);

    const newKey = await put({ base_url: dbModel.url, model: "db-model-2", api_key: NEW_KEY });
    expect(newKey.json.api_key.masked).toBe("sk-…e5f6");
    await ask();
    expect(dbModel.lastAuthorization()).toBe(`Bearer ${NEW_KEY}`);
    const removed = await put({ base_url: dbModel.url, model: "db-model-2", api_key: null });
    expect(removed.json.api_key).toEqual({ set: false, masked: null, unreadable: false });
    await ask();
    // No key in force: the client sends its placeholder, never the environment's key.
    expect(dbModel.lastAuthorization()).toBe("Bearer not-needed");
    const payloads = (await db.logEntry.findMany({ where: { action: "settings.model.update" }, orderBy: { sequence: "asc" } })).map((e) => JSON.parse(e.payload).api_key);
    expect(payloads.slice(-3)).toEqual(["kept", "set", "removed"]);
  });

  it("answers 422 naming each bad field, and changes nothing", async () => {
    const before = await db.modelSetting.findUniqueOrThrow({ where: { id: 1 } });
    for (const [body, field] of [
      [{ base_url: "ftp://example.org/v1", model: "m" }, "body.base_url"],
      [{ base_url: "not a url", model: "m" }, "body.base_url"],
      [{ base_url: "http://user:pass@example.org/v1", model: "m" }, "body.base_url"],
      [{ base_url: "http://example.org/v1?key=abc", model: "m" }, "body.base_url"],
      [{ base_url: dbModel.url, model: "" }, "body.model"],
      [{ base_url: dbModel.url, model: "x".repeat(201) }, "body.model"],
      [{ base_url: dbModel.url, model: "m", api_key: "two words" }, "body.api_key"],
      [{ base_url: dbModel.url, model: "m", api_key: 42 }, "body.api_key"],
      [{ model: "m" }, "body.base_url"],
    ] as const) {
      const res = await put(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.error.fields.map((f: { field: string }) => f.field), JSON.stringify(body)).toContain(field);
    }
    expect(await db.modelSetting.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
  });

  it("an empty endpoint saved here turns the model off even though the environment sets one", async () => {
    const res = await put({ base_url: null, model: "" });
    expect(res.json).toMatchObject({ source: "database", engine: "builtin", base_url: null, api_key: { set: false } });
    const envBefore = envModel.requests();
    const answer = await ask();
    expect(answer.engine).toBe("builtin");
    expect(envModel.requests()).toBe(envBefore);
  });

  it("goes back to the environment's settings when the saved ones are deleted", async () => {
    const res = await reset();
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ source: "environment", base_url: envModel.url, model: "env-model" });
    expect(await db.modelSetting.count()).toBe(0);
    await ask();
    expect(envModel.lastAuthorization()).toBe(`Bearer ${ENV_KEY}`);
    expect(await db.logEntry.count({ where: { action: "settings.model.reset", actor: admin.username } })).toBe(1);
  });

  it("other processes follow a change through the version row; without a bump the cached row stays", async () => {
    await put({ base_url: dbModel.url, model: "cached-model", api_key: DB_KEY });
    expect((await modelSettings()).model).toBe("cached-model");
    // Another process's write, as this process sees it: the row changes underneath the cache.
    await db.modelSetting.update({ where: { id: 1 }, data: { model: "changed-elsewhere" } });
    expect((await modelSettings()).model).toBe("cached-model");
    // … and the version row moves with it (not through this process's bumpCacheVersion, which would tell it at once).
    await db.cacheVersion.update({ where: { name: MODEL_SETTINGS_CACHE }, data: { version: { increment: 1 } } });
    await expect.poll(async () => (await modelSettings()).model, { timeout: 5000, interval: 100 }).toBe("changed-elsewhere");
  });

  const runTest = async () => {
    const res = await as(testRoute.POST, { method: "POST" });
    expect(res.status).toBe(202);
    const id = res.json.task_id as string;
    let job: { status: string; result: Record<string, unknown> | null; payload: unknown } | undefined;
    await expect
      .poll(
        async () => {
          job = (await as(jobStatus.GET, { params: { id } })).json;
          return job!.status;
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe("completed");
    return job!;
  };

  it("tests the connection on the worker: one short prompt to the model in force, its reply and latency stored on the job", async () => {
    await put({ base_url: dbModel.url, model: "db-model", api_key: DB_KEY });
    dbModel.behave({ tokens: ["Hello ", "from the ", "fake model!"] });
    const job = await runTest();
    expect(job.result).toMatchObject({ ok: true, source: "database", model: "db-model", base_url: dbModel.url, reply: "Hello from the fake model!" });
    expect(job.result!.latency_ms).toEqual(expect.any(Number));
    expect(job.result!.latency_ms as number).toBeGreaterThanOrEqual(0);
    expect(dbModel.lastRequest()).toMatchObject({ model: "db-model", messages: [{ role: "user", content: TEST_PROMPT }] });
    expect(dbModel.lastAuthorization()).toBe(`Bearer ${DB_KEY}`);
    expect(job.payload).toEqual({});
    expect(await db.logEntry.count({ where: { action: "settings.model.test", actor: admin.username } })).toBeGreaterThanOrEqual(1);
  });

  it("reports a failed test in plain words, as a result, without retrying", async () => {
    dbModel.behave({ status: 401 });
    const refused = await runTest();
    expect(refused.result).toMatchObject({ ok: false, error: "The endpoint refused the API key: check the key." });
    expect(String(refused.result!.detail)).toContain("401");

    // Nothing listens on the port of a server that was started and closed.
    const gone = await startFakeLlm();
    await gone.close();
    await put({ base_url: gone.url, model: "db-model", api_key: DB_KEY });
    const unreachable = await runTest();
    expect(unreachable.result).toMatchObject({ ok: false });
    expect(String(unreachable.result!.error)).toMatch(/^Nothing answered at 127\.0\.0\.1:\d+/);
    expect(await db.job.count({ where: { kind: "model_test", attempts: { gt: 1 } } })).toBe(0);
  });

  it("a key sealed under another secret is reported, not used", async () => {
    await writeTransaction(async (tx) => {
      await tx.modelSetting.update({ where: { id: 1 }, data: { baseUrl: dbModel.url, apiKeyCipher: seal({ plaintext: DB_KEY, secret: "some other secret" }) } });
      await bumpCacheVersion({ tx, name: MODEL_SETTINGS_CACHE });
    });
    const res = await get();
    expect(res.json.api_key).toEqual({ set: true, masked: null, unreadable: true });
    const job = await runTest();
    expect(job.result).toMatchObject({ ok: false, error: expect.stringMatching(/cannot be decrypted/) });
  });

  it("never puts a key in a response, a job or an audit entry", async () => {
    // One more look at everything an admin is shown.
    await get();
    for (const text of seen) for (const key of KEYS) expect(text).not.toContain(key);
    const entries = await db.logEntry.findMany({ select: { payload: true } });
    const jobs = await db.job.findMany({ select: { payload: true, result: true, error: true } });
    const stored = JSON.stringify([entries, jobs]);
    for (const key of KEYS) expect(stored).not.toContain(key);
    // The last four are all that is shown.
    expect(seen.join("\n")).toContain("sk-…a1b2");
  });
});
