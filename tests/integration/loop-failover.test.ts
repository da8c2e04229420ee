import { describe, expect, it } from "vitest";
import { writeTransaction } from "../../lib/db/transaction";
import { updateLoopConfig } from "../../lib/loops/config";
import { db } from "../helpers/api";
import { spawnWorker } from "../helpers/worker-process";

describe("loop leadership across worker processes", () => {
  it("one worker runs each loop; when it is killed, another takes over within a lease period", async () => {
    // A fast health loop to watch, and no meta loop to retune it back to 30 s.
    await writeTransaction(async (tx) => {
      await updateLoopConfig({ tx, actor: "test", patch: { name: "health", interval_seconds: 1 } });
      await updateLoopConfig({ tx, actor: "test", patch: { name: "meta", enabled: false } });
    });
    const env = { GRACE_LOOP_LEASE_SECONDS: "2", GRACE_WORKERS: "1" };
    const a = spawnWorker(env);
    await expect.poll(async () => (await db.loopLease.findUnique({ where: { name: "health" } }))?.owner ?? "", { timeout: 30_000, interval: 100 }).toContain(`:${a.child.pid}:`);
    const b = spawnWorker(env);
    try {
      await expect.poll(async () => (await db.workerHeartbeat.count({ where: { pid: b.child.pid! } })), { timeout: 30_000 }).toBe(1);
      // b waits: a still holds every loop.
      const owners = (await db.loopLease.findMany()).map((l) => l.owner.split(":")[1]);
      expect(new Set(owners)).toEqual(new Set([String(a.child.pid)]));

      a.child.kill("SIGKILL");
      await a.exited;
      const killedAt = Date.now();
      await expect
        .poll(async () => (await db.loopLease.findMany()).every((l) => l.owner.includes(`:${b.child.pid}:`)), { timeout: 15_000, interval: 50 })
        .toBe(true);
      expect(Date.now() - killedAt).toBeLessThan(2000 + 3000); // one lease period, plus a scheduler tick and slack
      // The new leader runs the health loop, and records it in the loop's state.
      const before = await db.healthCheck.count();
      await expect.poll(() => db.healthCheck.count(), { timeout: 15_000, interval: 250 }).toBeGreaterThan(before);
      await expect.poll(async () => (await db.loopState.findUnique({ where: { name: "health" } }))?.lastRunAt?.getTime() ?? 0, { timeout: 15_000, interval: 100 }).toBeGreaterThanOrEqual(killedAt);
    } finally {
      b.child.kill("SIGTERM");
      await b.exited;
    }
    // A graceful stop hands the leases back at once; what the loops did stays.
    expect((await db.loopLease.findMany()).every((l) => l.expiresAt.getTime() <= Date.now())).toBe(true);
    expect((await db.loopState.findUniqueOrThrow({ where: { name: "health" } })).lastRunAt).not.toBeNull();
  }, 90_000);
});
