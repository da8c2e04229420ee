import { db as defaultDb, databaseProvider, type Db } from "../db/client";
import { config } from "../config";
import { databaseFault, describeFault } from "../db/errors";
import { version } from "../version";
import { probeWritesIfDue, writeStatus } from "../db/write-availability";

// A real write, rolled back, at most this often per process: health is polled often.
const WRITE_PROBE_EVERY_MS = 5000;

type Component = { status: "ok" | "degraded" | "down"; latency_ms?: number; detail?: string };

/**
 * The liveness answer for GET /health and /api/health: two indexed queries, no heavy work.
 * "down" when the database does not answer; "degraded" when no worker has sent a heartbeat
 * lately (the web app still serves, background work waits).
 */
export async function getHealth(o: { db?: Db } = {}) {
  const { db = defaultDb } = o;
  const components: Record<string, Component> = {};
  const started = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    // Not awaited: under load the probe may wait for the write lock, and health must answer fast.
    void probeWritesIfDue({ db, everyMs: WRITE_PROBE_EVERY_MS });
    const writes = writeStatus();
    components.database = writes.ok
      ? { status: "ok", latency_ms: round(performance.now() - started), detail: databaseProvider() }
      : { status: "degraded", latency_ms: round(performance.now() - started), detail: `${writes.message} (reads still work; since ${writes.since.toISOString()})` };
  } catch (error) {
    console.error("[health] database check failed", error);
    const fault = databaseFault(error);
    components.database = { status: "down", latency_ms: round(performance.now() - started), detail: fault ? describeFault(fault) : "database unreachable" };
  }
  if (components.database.status !== "down") {
    const fresh = new Date(Date.now() - 3 * config.worker.heartbeatSeconds * 1000);
    const workers = await db.workerHeartbeat.count({ where: { lastSeenAt: { gt: fresh }, status: "running" } });
    components.worker = workers > 0 ? { status: "ok", detail: `${workers} running` } : { status: "degraded", detail: "no worker heartbeat" };
  }
  const statuses = Object.values(components).map((c) => c.status);
  const status = statuses.includes("down") ? "down" : statuses.includes("degraded") ? "degraded" : "ok";
  const message =
    status === "ok"
      ? "Grace is running"
      : status === "down"
        ? "Grace cannot reach its database"
        : components.database.status === "degraded"
          ? "Grace is running but cannot save changes"
          : "Grace is running with problems";
  return { status, message, components, version } as const;
}

function round(ms: number) {
  return Math.round(ms * 100) / 100;
}
