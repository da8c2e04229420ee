// In read_only mode the loops that write pause: no reflection, learning or meta jobs are
// queued and nothing about their runs is recorded; the health loop keeps checking but writes
// only what it needs to leave the read_only mode it set itself.
import { describe, expect, it } from "vitest";
import { writeTransaction } from "../../lib/db/transaction";
import { updateLoopConfig } from "../../lib/loops/config";
import { setSystemMode } from "../../lib/system/set-mode";
import { HEALTH_ACTOR } from "../../lib/health/remedies";
import { LoopScheduler } from "../../workers/loops/scheduler";
import { db } from "../helpers/api";

async function everyLoopEverySecond() {
  await writeTransaction(async (tx) => {
    for (const name of ["reflection", "learning", "meta", "health"] as const) await updateLoopConfig({ tx, actor: "test", patch: { name, interval_seconds: 1 } });
  });
}

function captureWarnings() {
  const lines: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  return { lines, restore: () => (console.warn = warn) };
}

describe("loops in read_only mode", () => {
  it("queue nothing and record nothing while health keeps checking", async () => {
    await everyLoopEverySecond();
    await writeTransaction((tx) => setSystemMode({ tx, mode: "read_only", reason: "maintenance", actor: "admin" }));
    const [jobs, checks, states, entries] = await Promise.all([db.job.count(), db.healthCheck.count(), db.loopState.count(), db.logEntry.count()]);
    const warnings = captureWarnings();
    const scheduler = new LoopScheduler({ owner: "test-scheduler", tickMs: 50, log: () => {} });
    scheduler.start();
    try {
      // No worker heartbeats here, so the health check finds a problem and says it did not record it.
      await expect.poll(() => warnings.lines.filter((l) => l.includes("not recorded: read_only mode")).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    } finally {
      await scheduler.stop();
      warnings.restore();
    }
    expect(await db.job.count()).toBe(jobs);
    expect(await db.healthCheck.count()).toBe(checks);
    expect(await db.loopState.count()).toBe(states);
    expect(await db.logEntry.count()).toBe(entries);
    expect((await db.systemState.findUniqueOrThrow({ where: { id: 1 } })).mode).toBe("read_only");
  });

  it("the health loop leaves the read_only mode it set for low disk once there is room", async () => {
    await everyLoopEverySecond();
    await writeTransaction((tx) => setSystemMode({ tx, mode: "read_only", reason: "disk space low in the data dir", actor: HEALTH_ACTOR }));
    const scheduler = new LoopScheduler({ owner: "test-scheduler-2", tickMs: 50, log: () => {} });
    const warnings = captureWarnings();
    scheduler.start();
    try {
      await expect.poll(async () => (await db.systemState.findUniqueOrThrow({ where: { id: 1 } })).mode, { timeout: 15_000 }).toBe("normal");
    } finally {
      await scheduler.stop();
      warnings.restore();
    }
    expect(await db.logEntry.count({ where: { action: "system.mode", actor: HEALTH_ACTOR } })).toBeGreaterThanOrEqual(2);
  });
});
