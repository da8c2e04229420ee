import { describe, expect, it } from "vitest";
import * as mode from "../../app/api/health/mode/route";
import * as status from "../../app/api/health/status/route";
import * as config from "../../app/api/meta/config/route";
import * as analyses from "../../app/api/meta/analyses/route";
import * as metaTrigger from "../../app/api/meta/trigger/route";
import * as reflections from "../../app/api/reflections/route";
import * as reflectionTrigger from "../../app/api/reflections/trigger/route";
import * as causal from "../../app/api/causal/patterns/route";
import * as confidence from "../../app/api/evaluation/confidence/route";
import * as tasks from "../../app/api/tasks/route";
import { runHealthCycle } from "../../lib/health/run-health-cycle";
import { runMeta } from "../../lib/loops/run-meta";
import { forgetSystemMode } from "../../lib/system/get-mode";
import { call, createUser, db, tokenFor } from "../helpers/api";

describe("system mode and health status", async () => {
  const admin = await createUser({ role: "admin" });
  const alice = await createUser();
  const adminToken = await tokenFor(admin);
  const aliceToken = await tokenFor(alice);

  it("read_only refuses writes with 503 and keeps reads; the mode API is the way out (JSON or query form)", async () => {
    expect((await call(mode.POST, { bearer: aliceToken, body: { mode: "read_only" } })).status).toBe(403);
    const bad = await call(mode.POST, { bearer: adminToken, body: { mode: "panic" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields[0].field).toBe("body.mode");

    const set = await call(mode.POST, { bearer: adminToken, body: { mode: "read_only", reason: "maintenance" } });
    expect(set.json).toMatchObject({ mode: "read_only", reason: "maintenance", changed_by: admin.username });
    forgetSystemMode();
    const write = await call(tasks.POST, { bearer: aliceToken, body: { title: "blocked" } });
    expect(write.status).toBe(503);
    expect(write.json.error.message).toContain("maintenance");
    expect((await call(tasks.GET, { bearer: aliceToken })).status).toBe(200);

    const back = await call(mode.POST, { bearer: adminToken, path: "/api/health/mode?mode=normal&reason=done" });
    expect(back.status).toBe(200);
    expect(back.json.mode).toBe("normal");
    forgetSystemMode();
    expect((await call(tasks.POST, { bearer: aliceToken, body: { title: "allowed" } })).status).toBe(201);
    const audited = await db.logEntry.findMany({ where: { action: "system.mode" }, orderBy: { sequence: "asc" } });
    expect(audited.map((e) => JSON.parse(e.payload).to)).toEqual(["read_only", "normal"]);
    expect((await call(mode.GET, { bearer: adminToken })).json.mode).toBe("normal");
  });

  it("reports the latest checks and healing actions", async () => {
    await runHealthCycle();
    const res = await call(status.GET, { bearer: aliceToken, path: "/api/health/status?limit=4" });
    expect(res.json).toMatchObject({ system_mode: "normal", mode_reason: "done" });
    expect(res.json.checks).toHaveLength(4);
    expect(res.json.checks[0]).toEqual({ component: expect.any(String), status: expect.any(String), latency_ms: expect.any(Number), error: expect.toBeOneOf([null, expect.any(String)]), at: expect.any(String) });
    expect(Array.isArray(res.json.actions)).toBe(true);
  });
});

describe("loop configuration and triggers", async () => {
  const admin = await createUser({ role: "admin" });
  const alice = await createUser();
  const adminToken = await tokenFor(admin);
  const aliceToken = await tokenFor(alice);

  it("lists the loops; only an admin changes them, audited and validated", async () => {
    const list = await call(config.GET, { bearer: aliceToken });
    expect(list.json.loops.map((l: { name: string }) => l.name)).toEqual(["health", "learning", "meta", "reflection"]);
    expect((await call(config.PATCH, { bearer: aliceToken, method: "PATCH", body: { name: "reflection", interval_seconds: 20 } })).status).toBe(403);
    const changed = await call(config.PATCH, { bearer: adminToken, method: "PATCH", body: { name: "learning", interval_seconds: 45, settings: { threshold: 5 } } });
    expect(changed.json).toMatchObject({ name: "learning", interval_seconds: 45, settings: { threshold: 5, window_hours: 24 }, updated_by: admin.username });
    expect(await db.logEntry.count({ where: { action: "loop.configure", actor: admin.username } })).toBe(1);
    const bad = await call(config.PATCH, { bearer: adminToken, method: "PATCH", body: { name: "nope", interval_seconds: 0 } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["body.interval_seconds", "body.name"]);
  });

  it("queues a reflection (anyone) or meta cycle (admin) on demand and lists analyses", async () => {
    const r = await call(reflectionTrigger.POST, { bearer: aliceToken, body: {} });
    expect(r.status).toBe(202);
    // Asking again while it waits returns the same cycle.
    expect((await call(reflectionTrigger.POST, { bearer: aliceToken, body: {} })).json.task_id).toBe(r.json.task_id);
    expect((await db.job.findUniqueOrThrow({ where: { id: Number(r.json.task_id) } })).kind).toBe("reflection");
    expect((await call(metaTrigger.POST, { bearer: aliceToken, body: {} })).status).toBe(403);
    const m = await call(metaTrigger.POST, { bearer: adminToken, body: {} });
    expect((await db.job.findUniqueOrThrow({ where: { id: Number(m.json.task_id) } })).kind).toBe("meta");
    await runMeta();
    const list = await call(analyses.GET, { bearer: aliceToken });
    expect(list.json[0]).toMatchObject({ analysis_type: "load", subject: "loop intervals", applied: false });
  });

  it("shows people their own reflections and an admin all of them", async () => {
    const mk = (userId: number | null) =>
      db.reflection.create({ data: { userId, summary: "s", insight: "i", confidence: 0.5, windowStart: new Date(), windowEnd: new Date(), messageCount: 1, topics: { topics: [{ topic: "x", count: 1 }] } } });
    await mk(null);
    await mk(alice.id);
    await mk(admin.id);
    const mine = await call(reflections.GET, { bearer: aliceToken });
    expect(mine.json.map((r: { user_id: number }) => r.user_id)).toEqual([alice.id]);
    expect(mine.json[0]).toMatchObject({ summary: "s", insight: "i", confidence: 0.5, scope: "user", message_count: 1, topics: [{ topic: "x", count: 1 }] });
    const all = await call(reflections.GET, { bearer: adminToken, path: "/api/reflections/?limit=2" });
    expect(all.json).toHaveLength(2);
    expect(all.headers.get("x-next-cursor")).toBeTruthy();
  });

  it("computes causal patterns and confidence from causal events", async () => {
    await db.causalEvent.createMany({
      data: [
        { userId: alice.id, eventType: "question", outcome: "answered", confidence: 0.9 },
        { userId: alice.id, eventType: "question", outcome: "unhandled", confidence: 0.3 },
        { userId: alice.id, eventType: "command", outcome: "answered", confidence: 0.6 },
        { userId: admin.id, eventType: "question", outcome: "answered", confidence: 1 },
      ],
    });
    const p = await call(causal.GET, { bearer: aliceToken });
    expect(p.json).toEqual({ total_interactions: 3, event_types: { question: 2, command: 1 }, outcomes: { answered: 2, unhandled: 1 }, unhandled_rate: 33.33, most_common_event: "question" });
    const c = await call(confidence.GET, { bearer: aliceToken });
    expect(c.json).toEqual({ overall: 0.6, by_type: { question: 0.6, command: 0.6 }, sample_size: 3 });
    expect((await call(causal.GET, { bearer: adminToken })).json.total_interactions).toBe(4);
  });
});
