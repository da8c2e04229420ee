import { db as defaultDb, type Db } from "../db/client";
import { listProcesses } from "../system/list-processes";
import type { AuthUser } from "../auth/schemas";
import { isAdmin } from "../auth/access";
import { writeStatus } from "../db/write-availability";

/**
 * The legacy /api/health/status shape: the mode, the latest checks and healing actions —
 * and, new beside them, whether writes work and (for admins) the processes `npm start` supervises.
 */
export async function getHealthStatus(o: { user: Pick<AuthUser, "role">; limit: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const writes = writeStatus();
  const [state, checks, actions, processes] = await Promise.all([
    db.systemState.findUniqueOrThrow({ where: { id: 1 } }),
    db.healthCheck.findMany({ orderBy: { id: "desc" }, take: o.limit }),
    db.healingAction.findMany({ orderBy: { id: "desc" }, take: o.limit }),
    isAdmin(o.user) ? listProcesses({ db }) : undefined,
  ]);
  return {
    system_mode: state.mode,
    mode_reason: state.reason,
    mode_changed: state.changedAt.toISOString(),
    mode_changed_by: state.changedBy,
    // Whether this process can write to the database now (a state apart from the mode).
    database_writes: writes.ok ? { ok: true } : { ok: false, problem: writes.message, since: writes.since.toISOString() },
    checks: checks.map((c) => ({ component: c.component, status: c.status, latency_ms: c.latencyMs, error: c.error, at: c.checkedAt.toISOString() })),
    actions: actions.map((a) => ({ component: a.component, action: a.action, result: a.result, detail: a.detail, at: a.createdAt.toISOString() })),
    processes,
  };
}
