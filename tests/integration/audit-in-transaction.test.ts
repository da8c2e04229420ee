// State changes the worker and the health loop make on their own — job re-queues after a failed
// attempt, leases taken back from a silent worker, health remedies — each commit with their
// audit entry or not at all. Shown two ways: the entry is there after the change, and with the
// audit log unable to take entries (its head row gone) the change does not happen either.
import { afterEach, describe, expect, it, vi } from "vitest";
import { UnavailableError } from "../../lib/errors";
import { failJob } from "../../lib/jobs/finish";
import { reclaimExpiredLeases } from "../../lib/jobs/reclaim";
import { releaseJob } from "../../lib/jobs/lease";
import { runHealthCycle } from "../../lib/health/run-health-cycle";
import { db } from "../helpers/api";

/** Runs `fn` while appends fail (no head row to reserve sequence numbers on), then puts the head back. */
async function withAuditBroken<T>(fn: () => Promise<T>): Promise<T> {
  const head = await db.logHead.findUniqueOrThrow({ where: { id: 1 } });
  await db.logHead.delete({ where: { id: 1 } });
  try {
    return await fn();
  } finally {
    await db.logHead.create({ data: head });
  }
}

const running = (o: { attempts?: number; leaseExpiresAt?: Date } = {}) =>
  db.job.create({ data: { kind: "steps", status: "running", attempts: o.attempts ?? 1, maxAttempts: 3, leaseOwner: `w#${Math.random()}`, leaseExpiresAt: o.leaseExpiresAt ?? new Date(Date.now() + 60_000) } });

const entriesFor = (jobId: number) => db.logEntry.findMany({ where: { resource: `job:${jobId}` }, orderBy: { sequence: "asc" } });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a job that failed an attempt and goes back on the queue", () => {
  it("is audited as job.requeue with the error and when it runs again", async () => {
    const job = await running();
    expect(await failJob({ jobId: job.id, leaseOwner: job.leaseOwner!, error: new UnavailableError("flaky network") })).toBe("retrying");
    const after = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(after.status).toBe("queued");
    const entries = await entriesFor(job.id);
    expect(entries.map((e) => [e.actor, e.action, e.result])).toEqual([["worker", "job.requeue", "failure"]]);
    expect(JSON.parse(entries[0].payload)).toMatchObject({ kind: "steps", attempts: 1, run_at: after.runAt.toISOString() });
  });

  it("stays as it was when its audit entry cannot be written", async () => {
    const job = await running();
    vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(withAuditBroken(() => failJob({ jobId: job.id, leaseOwner: job.leaseOwner!, error: new UnavailableError("flaky network") }))).rejects.toThrow();
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "running", leaseOwner: job.leaseOwner });
    expect(await entriesFor(job.id)).toEqual([]);
  });
});

describe("a job a stopping worker gives back", () => {
  it("is audited as job.release, and stays running when that entry cannot be written", async () => {
    const job = await running();
    await expect(withAuditBroken(() => releaseJob({ jobId: job.id, leaseOwner: job.leaseOwner! }))).rejects.toThrow();
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("running");
    expect(await releaseJob({ jobId: job.id, leaseOwner: job.leaseOwner! })).toBe(true);
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "queued", attempts: 0 });
    expect((await entriesFor(job.id)).map((e) => [e.actor, e.action])).toEqual([["worker", "job.release"]]);
  });
});

describe("a job whose lease expired, taken back from its silent worker", () => {
  it("is audited: job.requeue while attempts remain, job.dead after the last", async () => {
    const again = await running({ attempts: 1, leaseExpiresAt: new Date(Date.now() - 1000) });
    const last = await running({ attempts: 3, leaseExpiresAt: new Date(Date.now() - 1000) });
    expect(await reclaimExpiredLeases()).toBe(2);
    expect((await db.job.findUniqueOrThrow({ where: { id: again.id } })).status).toBe("queued");
    expect((await db.job.findUniqueOrThrow({ where: { id: last.id } })).status).toBe("dead");
    expect((await entriesFor(again.id)).map((e) => [e.actor, e.action])).toEqual([["worker", "job.requeue"]]);
    expect(JSON.parse((await entriesFor(again.id))[0].payload)).toMatchObject({ error: "lease expired", worker: again.leaseOwner });
    expect((await entriesFor(last.id)).map((e) => e.action)).toEqual(["job.dead"]);
  });

  it("is not taken back when its audit entry cannot be written", async () => {
    const job = await running({ leaseExpiresAt: new Date(Date.now() - 1000) });
    await expect(withAuditBroken(() => reclaimExpiredLeases())).rejects.toThrow();
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "running", leaseOwner: job.leaseOwner });
    expect(await entriesFor(job.id)).toEqual([]);
    await db.job.update({ where: { id: job.id }, data: { status: "cancelled" } }); // out of the next tests' way
  });
});

describe("a health remedy", () => {
  // A live worker, so only the queue check fails: a job whose lease lapsed (a long pause).
  const setUp = async () => {
    await db.workerHeartbeat.upsert({ where: { id: "alive" }, create: { id: "alive", hostname: "h", pid: 1, concurrency: 1, lastSeenAt: new Date(Date.now() + 3_600_000) }, update: {} });
    return running({ leaseExpiresAt: new Date(Date.now() - 60_000) });
  };

  it("commits its change, the healing action and both audit entries together", async () => {
    const job = await setUp();
    await runHealthCycle();
    const second = await runHealthCycle();
    expect(second.actions).toEqual([{ component: "queue", action: "remedy:queue", result: "succeeded", detail: "requeued 1 job(s) whose lease had expired" }]);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("queued");
    expect((await entriesFor(job.id)).map((e) => [e.actor, e.action])).toEqual([["health-loop", "job.requeue"]]);
    const heal = await db.logEntry.findFirstOrThrow({ where: { action: "health.heal", resource: "component:queue" }, orderBy: { sequence: "desc" } });
    // One transaction: the re-queue's entry and the remedy's entry are neighbours in the chain.
    expect(heal.sequence).toBe((await entriesFor(job.id))[0].sequence + 1);
    expect(await db.healingAction.count({ where: { component: "queue", result: "succeeded" } })).toBe(1);
  });

  it("changes nothing, and records nothing, when the audit log cannot take its entries", async () => {
    await db.healthCheck.deleteMany({ where: { component: "queue" } }); // a fresh streak
    const job = await setUp();
    const actionsBefore = await db.healingAction.count();
    await runHealthCycle();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const second = await withAuditBroken(() => runHealthCycle());
    expect(second.actions).toEqual([{ component: "queue", action: "remedy:queue", result: "failed", detail: expect.stringContaining("not recorded") }]);
    // The job was not taken back: the re-queue rolled back with the entries that failed.
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "running", leaseOwner: job.leaseOwner });
    expect(await db.healingAction.count()).toBe(actionsBefore);
    expect(await entriesFor(job.id)).toEqual([]);
    // Why is in the log, with its cause.
    expect(errors.mock.calls.some(([line, cause]) => String(line).includes("queue remedy failed") && cause instanceof Error)).toBe(true);
  });
});
