// Live updates for open pages, fed from the database so they work across any number of web
// and worker processes. One poller per web process (only while someone listens) reads what
// changed since its last look and hands each subscriber the events it may see.
import { db as defaultDb, type Db } from "../db/client";
import type { AuthUser } from "../auth/schemas";
import { serializeJobFor } from "../jobs/serialize";
import { canSeeAlerts, canSeeOwned } from "../auth/access";
import { config } from "../config";
import { isUrgent } from "../hunter/rule-fields";

export type LiveEvent = { type: "job" | "reflection" | "mode" | "alert"; data: unknown };
type Subscriber = { user: AuthUser; send: (events: LiveEvent[]) => void };

const subscribers = new Set<Subscriber>();
let timer: NodeJS.Timeout | null = null;
let state: { jobsSince: Date; reflectionId: number; alertId: number; modeChangedAt: number; seen: Map<string, number> } | null = null;


export function subscribe(o: { user: AuthUser; send: (events: LiveEvent[]) => void; db?: Db }): () => void {
  const { user, send, db = defaultDb } = o;
  const sub = { user, send };
  subscribers.add(sub);
  if (!timer) {
    const loop = async () => {
      try {
        await poll(db);
      } catch (error) {
        console.error("[events] poll failed", error);
      }
      if (subscribers.size) timer = setTimeout(loop, config.eventsPollMs);
      else {
        timer = null;
        state = null;
      }
    };
    timer = setTimeout(loop, 0);
  }
  return () => subscribers.delete(sub);
}

async function poll(db: Db) {
  const now = Date.now();
  if (!state) {
    const [reflection, alert, mode] = await Promise.all([
      db.reflection.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
      db.securityEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
      db.systemState.findUnique({ where: { id: 1 } }),
    ]);
    state = { jobsSince: new Date(now), reflectionId: reflection?.id ?? 0, alertId: alert?.id ?? 0, modeChangedAt: mode?.changedAt.getTime() ?? 0, seen: new Map() };
    return;
  }
  const [jobs, reflections, alerts, mode] = await Promise.all([
    changedJobs(db, state.jobsSince),
    db.reflection.findMany({ where: { id: { gt: state.reflectionId } }, orderBy: { id: "asc" }, take: 100 }),
    db.securityEvent.findMany({ where: { id: { gt: state.alertId } }, orderBy: { id: "asc" }, take: 100 }),
    db.systemState.findUnique({ where: { id: 1 } }),
  ]);
  const fresh = jobs.filter((j) => {
    const key = `${j.id}:${j.updatedAt.getTime()}:${j.status}:${j.progress}`;
    if (state!.seen.has(key)) return false;
    state!.seen.set(key, now);
    return true;
  });
  for (const [key, at] of state.seen) if (now - at > 10_000) state.seen.delete(key);
  for (const j of jobs) if (j.updatedAt > state.jobsSince) state.jobsSince = j.updatedAt;
  if (reflections.length) state.reflectionId = reflections[reflections.length - 1].id;
  if (alerts.length) state.alertId = alerts[alerts.length - 1].id;
  const modeChanged = mode && mode.changedAt.getTime() !== state.modeChangedAt;
  if (mode) state.modeChangedAt = mode.changedAt.getTime();

  if (fresh.length === 0 && jobs.length === 0 && reflections.length === 0 && alerts.length === 0 && !modeChanged) return;
  for (const sub of subscribers) {
    // The same rules as the REST reads: a job's result only where GET /api/executor/status shows it.
    const events: LiveEvent[] = [
      ...fresh.filter((j) => canSeeOwned(sub.user, j.createdById)).map((j) => ({ type: "job" as const, data: serializeJobFor(sub.user, j) })),
      ...reflections.filter((r) => canSeeOwned(sub.user, r.userId)).map((r) => ({ type: "reflection" as const, data: { id: r.id, summary: r.summary, user_id: r.userId } })),
      // Hunter's high and critical alerts (not the ones its rules only log) show live.
      ...(canSeeAlerts(sub.user) ? alerts.filter((a) => isUrgent(a.severity) && a.actionTaken !== "logged").map((a) => ({ type: "alert" as const, data: { id: a.id, severity: a.severity, action: a.action, resource: a.resource } })) : []),
      ...(modeChanged ? [{ type: "mode" as const, data: { mode: mode!.mode, reason: mode!.reason, changed_at: mode!.changedAt.toISOString() } }] : []),
    ];
    if (events.length) sub.send(events);
  }
}

const PAGE = 500;

/**
 * Jobs changed since `since`, looking back two seconds (a transaction may commit a little after
 * its timestamp; the caller drops what it already sent). Pages by (updatedAt, id), so a burst
 * of more than a page of changes is read in full rather than re-read forever.
 */
async function changedJobs(db: Db, since: Date) {
  const out = [];
  let after = { at: new Date(since.getTime() - 2000), id: 0 };
  for (let pages = 0; pages < 20; pages++) {
    const rows = await db.job.findMany({
      where: { OR: [{ updatedAt: { gt: after.at } }, { updatedAt: after.at, id: { gt: after.id } }] },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: PAGE,
    });
    out.push(...rows);
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1];
    after = { at: last.updatedAt, id: last.id };
  }
  return out;
}
