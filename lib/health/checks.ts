import { statfs } from "node:fs/promises";
import { mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { databaseFault, describeFault } from "../db/errors";
import { dataDir } from "../db/config";
import { probeWrites, writeStatus } from "../db/write-availability";
import type { LoopSettings } from "../loops/config";
import { sandboxProblem } from "../sandbox/runner/probe";

export type CheckResult = { component: string; status: "ok" | "degraded" | "down"; latencyMs: number; error: string | null };
type Settings = LoopSettings<"health">;

/**
 * What a failure stores where users read it (GET /api/health/status shows checks and healing
 * actions to every signed-in user): a database fault says what is wrong; the error itself —
 * which may be a driver's message with SQL or a Prisma invocation in it — goes to the server
 * log with a reference, and only the reference is stored.
 */
export function problemFor(error: unknown, what: string): string {
  const reference = randomUUID().slice(0, 8);
  console.error(`[health] ${what} (reference ${reference})`, error);
  const fault = databaseFault(error);
  return `${fault ? describeFault(fault) : "an internal error"} (reference ${reference}: the server log has the details)`;
}

async function timed(component: string, fn: () => Promise<string | null>): Promise<CheckResult> {
  const started = performance.now();
  try {
    const problem = await fn();
    return { component, status: problem ? "degraded" : "ok", latencyMs: performance.now() - started, error: problem };
  } catch (error) {
    return { component, status: "down", latencyMs: performance.now() - started, error: problemFor(error, `the ${component} check failed`) };
  }
}

/** The components the health loop watches; each returns a problem description or null. */
export function runChecks(o: { db: Db; settings: Settings }): Promise<CheckResult[]> {
  const { db, settings: s } = o;
  const now = Date.now();
  return Promise.all([
    timed("database", async () => {
      await db.$queryRaw`SELECT 1`;
      await probeWrites({ db }); // reads working says little: a full or read-only database still answers them
      const writes = writeStatus();
      // The fault's description only: its detail is the driver's message (logged when the write failed).
      return writes.ok ? null : writes.message;
    }),
    timed("workers", async () => {
      const stale = await db.workerHeartbeat.count({ where: { status: "running", lastSeenAt: { lt: new Date(now - s.worker_stale_seconds * 1000) } } });
      const alive = await db.workerHeartbeat.count({ where: { status: "running", lastSeenAt: { gte: new Date(now - s.worker_stale_seconds * 1000) } } });
      if (stale) return `${stale} worker(s) stopped sending heartbeats`;
      return alive ? null : "no worker is running";
    }),
    timed("disk", async () => {
      mkdirSync(dataDir(), { recursive: true });
      const fs = await statfs(dataDir());
      const freeMb = (fs.bavail * fs.bsize) / 1_048_576;
      return freeMb < s.disk_min_free_mb ? `${Math.round(freeMb)} MB free in the data dir (minimum ${s.disk_min_free_mb} MB)` : null;
    }),
    timed("queue", async () => {
      const [oldest, expired] = await Promise.all([
        db.job.findFirst({ where: { status: "queued", runAt: { lte: new Date(now) } }, orderBy: { runAt: "asc" }, select: { runAt: true } }),
        db.job.count({ where: { status: "running", leaseExpiresAt: { lt: new Date(now) } } }),
      ]);
      if (expired) return `${expired} running job(s) with an expired lease`;
      const waited = oldest ? (now - oldest.runAt.getTime()) / 1000 : 0;
      return waited > s.queue_backlog_seconds ? `the oldest due job has waited ${Math.round(waited)} s (limit ${s.queue_backlog_seconds} s)` : null;
    }),
    // Runs a trivial program in the sandbox: "unavailable: …" says what is missing and how to install it.
    timed("sandbox", sandboxProblem),
  ]);
}
