import { db as defaultDb, type Db } from "../db/client";

/**
 * The processes `npm start` supervises (web, worker), as GET /api/health/status shows them:
 * one per supervisor and child, with its pid (null while it is down), status, restarts
 * since the supervisor started, and how it last exited.
 */
export async function listProcesses(o: { db?: Db } = {}) {
  const db = o.db ?? defaultDb;
  const rows = await db.supervisedProcess.findMany({ orderBy: [{ hostname: "asc" }, { supervisor: "asc" }, { name: "asc" }], take: 100 });
  return rows.map((r) => ({
    name: r.name,
    hostname: r.hostname,
    supervisor: r.supervisor,
    pid: r.pid,
    status: r.status,
    restarts: r.restarts,
    last_exit: r.lastExitAt ? { code: r.lastExitCode, signal: r.lastExitSignal, at: r.lastExitAt.toISOString() } : null,
    started_at: r.startedAt?.toISOString() ?? null,
    updated_at: r.updatedAt.toISOString(),
  }));
}
