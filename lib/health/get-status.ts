import { db as defaultDb, type Db } from "../db/client";
import { listProcesses } from "../system/list-processes";

/**
 * The legacy /api/health/status shape: the mode, the latest checks and healing actions —
 * and, new beside them, the processes `npm start` supervises.
 */
export async function getHealthStatus(o: { limit: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const [state, checks, actions, processes] = await Promise.all([
    db.systemState.findUniqueOrThrow({ where: { id: 1 } }),
    db.healthCheck.findMany({ orderBy: { id: "desc" }, take: o.limit }),
    db.healingAction.findMany({ orderBy: { id: "desc" }, take: o.limit }),
    listProcesses({ db }),
  ]);
  return {
    system_mode: state.mode,
    mode_reason: state.reason,
    mode_changed: state.changedAt.toISOString(),
    mode_changed_by: state.changedBy,
    checks: checks.map((c) => ({ component: c.component, status: c.status, latency_ms: c.latencyMs, error: c.error, at: c.checkedAt.toISOString() })),
    actions: actions.map((a) => ({ component: a.component, action: a.action, result: a.result, detail: a.detail, at: a.createdAt.toISOString() })),
    processes,
  };
}
