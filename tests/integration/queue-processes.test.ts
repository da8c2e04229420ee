import { describe, expect, it } from "vitest";
import { writeTransaction } from "../../lib/db/transaction";
import { enqueue } from "../../lib/jobs/enqueue";
import { db } from "../helpers/api";
import { spawnWorker } from "../helpers/worker-process";

async function statusOf(id: number) {
  return (await db.job.findUniqueOrThrow({ where: { id } })).status;
}

describe("worker processes", () => {
  it("kill -9 mid-job: another worker completes it, exactly once, on attempt 2", async () => {
    const job = await writeTransaction((tx) => enqueue({ tx, kind: "steps", payload: { steps: 10, step_ms: 150 } }));
    const a = spawnWorker({ GRACE_WORKERS: "1" });
    await expect.poll(async () => (await db.job.findUniqueOrThrow({ where: { id: job.id } })).progress, { timeout: 30_000, interval: 50 }).toBeGreaterThan(0);
    const running = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(running.status).toBe("running");
    a.child.kill("SIGKILL");
    await a.exited;

    const b = spawnWorker({ GRACE_WORKERS: "1" });
    try {
      await expect.poll(() => statusOf(job.id), { timeout: 30_000, interval: 100 }).toBe("completed");
    } finally {
      b.child.kill("SIGTERM");
      await b.exited;
    }
    const done = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(done.attempts).toBe(2);
    expect(done.leaseOwner).toBeNull();
    expect(done.result).toEqual({ steps_completed: 10 });
    expect(await db.logEntry.count({ where: { action: "job.complete", resource: `job:${job.id}` } })).toBe(1);
  }, 90_000);

  it("three workers and 500 tasks: each completed exactly once, none lost", async () => {
    const ids = await writeTransaction(async (tx) => {
      const out: number[] = [];
      for (let i = 0; i < 500; i++) out.push((await enqueue({ tx, kind: "steps", payload: { steps: 1, step_ms: 0 }, description: `bulk ${i}` })).id);
      return out;
    });
    const workers = [0, 1, 2].map(() => spawnWorker({ GRACE_WORKERS: "4", GRACE_JOB_LEASE_SECONDS: "10" }));
    try {
      await expect
        .poll(() => db.job.count({ where: { id: { in: ids }, status: "completed" } }), { timeout: 120_000, interval: 250 })
        .toBe(500);
    } finally {
      for (const w of workers) w.child.kill("SIGTERM");
      await Promise.all(workers.map((w) => w.exited));
    }
    const jobs = await db.job.findMany({ where: { id: { in: ids } } });
    expect(jobs.every((j) => j.status === "completed" && j.attempts === 1)).toBe(true);
    const completions = await db.logEntry.findMany({ where: { action: "job.complete" }, select: { resource: true, payload: true } });
    const perJob = new Map<string, number>();
    for (const c of completions) perJob.set(c.resource, (perJob.get(c.resource) ?? 0) + 1);
    expect(ids.every((id) => perJob.get(`job:${id}`) === 1)).toBe(true);
    // The work really was shared out.
    const byWorker = new Set(completions.map((c) => (JSON.parse(c.payload) as { worker: string }).worker.split(":")[1]));
    expect(byWorker.size).toBeGreaterThan(1);
  }, 180_000);

  it("SIGTERM: a job that cannot finish in the grace period gets its lease released", async () => {
    const job = await writeTransaction((tx) => enqueue({ tx, kind: "steps", payload: { steps: 100, step_ms: 100 } }));
    const w = spawnWorker({ GRACE_WORKERS: "1", GRACE_SHUTDOWN_GRACE_SECONDS: "0.3", GRACE_JOB_LEASE_SECONDS: "30" });
    await expect.poll(() => statusOf(job.id), { timeout: 30_000, interval: 50 }).toBe("running");
    w.child.kill("SIGTERM");
    expect(await w.exited).toBe(0);
    const released = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(released).toMatchObject({ status: "queued", leaseOwner: null, attempts: 0 });
    expect(w.output()).toContain("released job");
    const beat = await db.workerHeartbeat.findFirstOrThrow({ where: { pid: w.child.pid! } });
    expect(beat.status).toBe("stopped");
  }, 60_000);
});
