import { describe, expect, it } from "vitest";
import { writeTransaction } from "../../lib/db/transaction";
import { countRequest, flushRequestCounts } from "../../lib/metrics/request-counter";
import { measureLoad, runMeta } from "../../lib/loops/run-meta";
import { recordLoopDuration } from "../../lib/loops/lease";
import { updateLoopConfig } from "../../lib/loops/config";
import { runHealthCycle } from "../../lib/health/run-health-cycle";
import { getSystemMode, forgetSystemMode } from "../../lib/system/get-mode";
import { db } from "../helpers/api";

async function intervals() {
  const rows = await db.loopConfig.findMany({ where: { name: { in: ["reflection", "meta", "health"] } } });
  return Object.fromEntries(rows.map((r) => [r.name, r.intervalSeconds]));
}

describe("the meta loop", () => {
  it("moves the intervals to the high-traffic band under load and back when it subsides", async () => {
    await writeTransaction((tx) => updateLoopConfig({ tx, actor: "test", patch: { name: "meta", settings: { high_requests_per_minute: 500 } } }));
    expect(await intervals()).toEqual({ reflection: 10, meta: 300, health: 30 });

    const calm = await runMeta();
    expect(calm.band).toBe("low");
    expect(calm.changes).toEqual([]);
    expect(calm.analysis.recommendation).toContain("no change");

    const now = Date.now();
    for (let i = 0; i < 600; i++) countRequest("http_requests", 1, now);
    await flushRequestCounts();
    const busy = await runMeta();
    expect(busy.band).toBe("high");
    expect(await intervals()).toEqual({ reflection: 60, meta: 3600, health: 120 });
    expect(busy.analysis.findings).toContain("600 requests/min");
    expect(busy.analysis.applied).toBe(true);
    expect(busy.analysis.measurements).toMatchObject({ requests_per_minute: 600 });
    expect(await db.logEntry.count({ where: { action: "loop.configure", actor: "meta-loop" } })).toBe(3);

    // A minute later the load is gone.
    const later = await runMeta({ now: new Date(now + 70_000) });
    expect(later.band).toBe("low");
    expect(later.changes.map((c) => c.loop).sort()).toEqual(["health", "meta", "reflection"]);
    expect(await intervals()).toEqual({ reflection: 10, meta: 300, health: 30 });
    expect(await db.metaAnalysis.count()).toBe(3);
  });

  it("reads each loop's last duration from its state, which holds no lease", async () => {
    await recordLoopDuration({ name: "reflection", durationMs: 12.4 });
    await recordLoopDuration({ name: "learning", durationMs: 40, error: "boom" });
    expect((await measureLoad()).loop_duration_ms).toMatchObject({ reflection: 12, learning: 40 });
    expect(await db.loopState.findUniqueOrThrow({ where: { name: "learning" } })).toMatchObject({ lastDurationMs: 40, lastError: "boom" });
    // Recording a run takes no lease: that is the scheduler's alone.
    expect(await db.loopLease.count()).toBe(0);
  });
});

describe("the health loop", () => {
  it("records every check with its latency", async () => {
    const { results } = await runHealthCycle();
    expect(results.map((r) => r.component).sort()).toEqual(["database", "disk", "queue", "sandbox", "workers"]);
    expect(results.find((r) => r.component === "database")!.status).toBe("ok");
    const rows = await db.healthCheck.findMany({ where: { component: "database" } });
    expect(rows[0].latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("after two failures in a row, requeues jobs whose lease expired", async () => {
    await db.workerHeartbeat.create({ data: { id: "alive", hostname: "h", pid: 1, concurrency: 1, lastSeenAt: new Date(Date.now() + 3_600_000) } });
    // Its worker is alive but the lease lapsed (a long pause): only the queue check fails.
    const job = await db.job.create({ data: { kind: "steps", status: "running", attempts: 1, leaseOwner: "alive", leaseExpiresAt: new Date(Date.now() - 60_000) } });
    const first = await runHealthCycle();
    expect(first.results.find((r) => r.component === "queue")!.status).toBe("degraded");
    expect(first.actions).toEqual([]); // one failure is not yet a pattern
    const second = await runHealthCycle();
    expect(second.actions).toEqual([{ component: "queue", action: "remedy:queue", result: "succeeded", detail: "requeued 1 job(s) whose lease had expired" }]);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("queued");
    expect(await db.logEntry.count({ where: { action: "health.heal", resource: "component:queue" } })).toBe(1);
    await db.workerHeartbeat.delete({ where: { id: "alive" } });
  });

  it("after two failures in a row, marks silent workers stopped", async () => {
    await db.workerHeartbeat.create({ data: { id: "ghost", hostname: "h", pid: 2, concurrency: 1, lastSeenAt: new Date(Date.now() - 3_600_000) } });
    await runHealthCycle();
    const second = await runHealthCycle();
    const action = second.actions.find((a) => a.component === "workers")!;
    expect(action.result).toBe("succeeded");
    expect(action.detail).toContain("marked 1 silent worker(s) stopped");
    expect((await db.workerHeartbeat.findUniqueOrThrow({ where: { id: "ghost" } })).status).toBe("stopped");
    expect(await db.healingAction.count({ where: { component: "workers" } })).toBeGreaterThanOrEqual(1);
  });

  it("switches to read_only when the disk is short twice in a row, and back when it recovers", async () => {
    await writeTransaction((tx) => updateLoopConfig({ tx, actor: "test", patch: { name: "health", settings: { disk_min_free_mb: 1e12 } } }));
    await runHealthCycle();
    await runHealthCycle();
    forgetSystemMode();
    expect(await getSystemMode()).toMatchObject({ mode: "read_only", reason: "disk space low in the data dir" });
    await runHealthCycle(); // still short: no second remedy (and audit entry) within the cooldown
    expect(await db.healingAction.count({ where: { component: "disk" } })).toBe(1);
    await writeTransaction((tx) => updateLoopConfig({ tx, actor: "test", patch: { name: "health", settings: { disk_min_free_mb: 1 } } }));
    await runHealthCycle();
    forgetSystemMode();
    expect((await getSystemMode()).mode).toBe("normal");
  });
});

describe("retention", () => {
  it("sweeps finished jobs, health checks and counters past their retention, and nothing newer", async () => {
    const old = new Date(Date.now() - 30 * 86_400_000);
    const stale = await db.job.create({ data: { kind: "steps", status: "completed", updatedAt: old } });
    const fresh = await db.job.create({ data: { kind: "steps", status: "completed" } });
    const waiting = await db.job.create({ data: { kind: "steps", status: "queued", updatedAt: old } });
    await db.healthCheck.create({ data: { component: "disk", status: "ok", latencyMs: 1, checkedAt: old } });
    await db.metricBucket.create({ data: { name: "http_requests", bucketStart: old, count: 5 } });
    const { sweepOldRows } = await import("../../lib/health/sweep");
    const swept = await sweepOldRows({ db });
    expect(swept).toMatchObject({ jobs: 1, checks: 1, metrics: 1 });
    expect(await db.job.findUnique({ where: { id: stale.id } })).toBeNull();
    expect(await db.job.findUnique({ where: { id: fresh.id } })).not.toBeNull();
    expect(await db.job.findUnique({ where: { id: waiting.id } })).not.toBeNull();
  });
});

