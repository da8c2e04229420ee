import { afterEach, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { enqueue } from "../../lib/jobs/enqueue";
import { claimJobs } from "../../lib/jobs/claim";
import { PermanentJobError } from "../../lib/jobs/finish";
import { UpstreamError } from "../../lib/errors";
import { writeTransaction } from "../../lib/db/transaction";
import { Executor } from "../../workers/executor";
import { handlers } from "../../workers/handlers";
import { forgetSystemMode } from "../../lib/system/get-mode";
import { db } from "../helpers/api";

process.env.GRACE_JOB_LEASE_SECONDS = "1";
process.env.GRACE_JOB_BACKOFF_MS = "50";
process.env.GRACE_QUEUE_POLL_MS = "20";

const executors: Executor[] = [];
function startExecutor(extra: Partial<ConstructorParameters<typeof Executor>[0]> = {}) {
  const e = new Executor({ workerId: `test-${executors.length}`, concurrency: 2, log: () => {}, ...extra });
  executors.push(e);
  e.start();
  return e;
}
afterEach(async () => {
  await Promise.all(executors.splice(0).map((e) => e.stop(0)));
});

async function until(jobId: number, status: string, timeout = 20_000) {
  await expect.poll(async () => (await db.job.findUniqueOrThrow({ where: { id: jobId } })).status, { timeout, interval: 25 }).toBe(status);
  return db.job.findUniqueOrThrow({ where: { id: jobId } });
}

describe("the job queue", () => {
  it("runs a steps job to completion with progress, once, audited", async () => {
    const job = await writeTransaction((tx) => enqueue({ tx, kind: "steps", payload: { steps: 4, step_ms: 30 } }));
    expect(job).toMatchObject({ status: "queued", attempts: 0, progress: 0 });
    startExecutor();
    const done = await until(job.id, "completed");
    expect(done).toMatchObject({ progress: 100, attempts: 1, leaseOwner: null, result: { steps_completed: 4 } });
    expect(done.finishedAt).not.toBeNull();
    expect(await db.logEntry.count({ where: { action: "job.complete", resource: `job:${job.id}` } })).toBe(1);
  });

  it("enqueues inside the caller's transaction: no job when the cause rolls back", async () => {
    await expect(
      writeTransaction(async (tx) => {
        await enqueue({ tx, kind: "steps", description: "ghost" });
        throw new Error("the cause failed");
      }),
    ).rejects.toThrow();
    expect(await db.job.count({ where: { description: "ghost" } })).toBe(0);
  });

  it("returns the same job for the same idempotency key", async () => {
    const a = await writeTransaction((tx) => enqueue({ tx, kind: "steps", idempotencyKey: "once" }));
    const b = await writeTransaction((tx) => enqueue({ tx, kind: "steps", idempotencyKey: "once" }));
    expect(b.id).toBe(a.id);
  });

  it("claims by priority and never hands one job to two claimers", async () => {
    const low = await writeTransaction((tx) => enqueue({ tx, kind: "steps", priority: 0, description: "low" }));
    const high = await writeTransaction((tx) => enqueue({ tx, kind: "steps", priority: 5, description: "high" }));
    const later = await writeTransaction((tx) => enqueue({ tx, kind: "steps", runAt: new Date(Date.now() + 60_000), description: "later" }));
    const [a, b, c] = await Promise.all([1, 2, 3].map((i) => claimJobs({ workerId: `claimer-${i}`, limit: 1 })));
    const claimed = [...a, ...b, ...c].map((j) => j.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed).toContain(high.id);
    expect(claimed).not.toContain(later.id);
    const first = await db.job.findUniqueOrThrow({ where: { id: high.id } });
    expect(first.status).toBe("running");
    expect(first.attempts).toBe(1);
    void low;
    await db.job.updateMany({ where: { status: { in: ["running", "queued"] } }, data: { status: "cancelled" } });
  });

  it("retries a failing job with backoff, then marks it dead after max attempts", async () => {
    let calls = 0;
    const job = await writeTransaction((tx) => enqueue({ tx, kind: "steps", maxAttempts: 3, description: "flaky" }));
    startExecutor({
      handlers: {
        ...handlers,
        steps: async () => {
          calls += 1;
          throw new UpstreamError(`boom ${calls}`); // a failure with a message meant for the owner
        },
      },
    });
    const dead = await until(job.id, "dead");
    expect(calls).toBe(3);
    expect(dead).toMatchObject({ attempts: 3, error: "boom 3", leaseOwner: null });
    expect(await db.logEntry.count({ where: { action: "job.dead", resource: `job:${job.id}` } })).toBe(1);
  });

  it("fails at once on a permanent error", async () => {
    const job = await writeTransaction((tx) => enqueue({ tx, kind: "steps", description: "bad" }));
    startExecutor({ handlers: { steps: async () => { throw new PermanentJobError("cannot ever work"); } } });
    const failed = await until(job.id, "failed");
    expect(failed).toMatchObject({ attempts: 1, error: "cannot ever work" });
  });

  it("takes back a job whose lease expired and runs it again", async () => {
    const job = await writeTransaction((tx) => enqueue({ tx, kind: "steps", payload: { steps: 1, step_ms: 0 } }));
    const [claimed] = await claimJobs({ workerId: "vanished-worker", limit: 1 });
    expect(claimed.id).toBe(job.id);
    startExecutor(); // the vanished worker never heartbeats: after the lease (1 s) it is reclaimed
    const done = await until(job.id, "completed");
    expect(done.attempts).toBe(2);
  });

  it("cancels a running job: the handler is stopped at its next heartbeat", async () => {
    const job = await writeTransaction((tx) => enqueue({ tx, kind: "steps", payload: { steps: 100, step_ms: 50 } }));
    startExecutor();
    await until(job.id, "running");
    await db.job.update({ where: { id: job.id }, data: { status: "cancelled" } });
    await sleep(1500);
    const after = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(after.status).toBe("cancelled");
    expect(after.progress).toBeLessThan(100);
    expect(executors[0].active).toBe(0);
  });

  it("a cancelled run that is retried and claimed again by the same worker cannot complete the new run", async () => {
    let runs = 0;
    const job = await writeTransaction((tx) => enqueue({ tx, kind: "steps", description: "race" }));
    startExecutor({
      handlers: {
        steps: async ({ signal }) => {
          const run = ++runs;
          // The first run is slow; the retry is quick.
          await sleep(run === 1 ? 900 : 50, undefined, { signal });
          return { run };
        },
      },
    });
    await until(job.id, "running");
    await db.job.update({ where: { id: job.id }, data: { status: "cancelled" } });
    await db.job.update({ where: { id: job.id }, data: { status: "queued", attempts: 0, runAt: new Date() } });
    const done = await until(job.id, "completed");
    expect(done.result).toEqual({ run: 2 });
    expect(await db.logEntry.count({ where: { action: "job.complete", resource: `job:${job.id}` } })).toBe(1);
    await expect.poll(() => executors[0].active).toBe(0);
  });

  it.each(["emergency", "read_only"])("%s mode stops the queue until it is lifted", async (mode) => {
    await db.systemState.update({ where: { id: 1 }, data: { mode, changedAt: new Date() } });
    forgetSystemMode();
    const job = await writeTransaction((tx) => enqueue({ tx, kind: "steps", payload: { steps: 1, step_ms: 0 } }));
    startExecutor();
    await sleep(1500);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("queued");
    await db.systemState.update({ where: { id: 1 }, data: { mode: "normal", changedAt: new Date() } });
    forgetSystemMode();
    await until(job.id, "completed");
  });

  it("stores a safe message when a job fails on an internal error: no query, no source lines", async () => {
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const job = await writeTransaction((tx) => enqueue({ tx, kind: "steps", payload: { steps: 1, step_ms: 0 }, maxAttempts: 1 }));
      startExecutor({ handlers: { steps: async ({ db: d }) => d.job.update({ where: { id: -1 }, data: { progress: 1 } }) } });
      const dead = await until(job.id, "dead");
      expect(dead.error).toMatch(/^an internal error stopped this job \d+ \(reference [0-9a-f]{8}: the server log has the details\)$/);
      expect(dead.error).not.toMatch(/prisma|invocation|\.ts:|update\(/i);
      // The detail is in the server log, under the same reference.
      const reference = /reference ([0-9a-f]{8})/.exec(dead.error!)![1];
      expect(errors.some((e) => String((e as unknown[])[0]).includes(reference))).toBe(true);
    } finally {
      console.error = log;
    }
  });

  it("on stop, releases leases of jobs that cannot finish in the grace period", async () => {
    const job = await writeTransaction((tx) => enqueue({ tx, kind: "steps", payload: { steps: 100, step_ms: 100 } }));
    const e = startExecutor();
    await until(job.id, "running");
    await e.stop(100);
    const released = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(released).toMatchObject({ status: "queued", leaseOwner: null, attempts: 0 });
  });
});
