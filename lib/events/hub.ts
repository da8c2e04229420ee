// Live updates for open pages, fed from the database so they work across any number of web
// and worker processes. One poller per web process (only while someone listens) reads what
// changed since its last look and hands each subscriber the events it may see.
import { db as defaultDb, type Db } from "../db/client";
import type { AuthUser } from "../auth/schemas";
import { serializeJob } from "../jobs/serialize";

export type LiveEvent = { type: "job" | "reflection" | "mode" | "alert"; data: unknown };
type Subscriber = { user: AuthUser; send: (events: LiveEvent[]) => void };

const subscribers = new Set<Subscriber>();
let timer: NodeJS.Timeout | null = null;
let state: { jobsSince: Date; reflectionId: number; alertId: number; modeChangedAt: number; seen: Map<string, number> } | null = null;

export function pollMs() {
  return Number(process.env.GRACE_EVENTS_POLL_MS) || 1000;
}

export function subscribe(user: AuthUser, send: (events: LiveEvent[]) => void, db: Db = defaultDb): () => void {
  const sub = { user, send };
  subscribers.add(sub);
  if (!timer) {
    const loop = async () => {
      try {
        await poll(db);
      } catch (error) {
        console.error("[events] poll failed", error);
      }
      if (subscribers.size) timer = setTimeout(loop, pollMs());
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
  // Look back two seconds: a transaction may commit a little after its timestamp.
  const [jobs, reflections, alerts, mode] = await Promise.all([
    db.job.findMany({ where: { updatedAt: { gt: new Date(state.jobsSince.getTime() - 2000) } }, orderBy: { updatedAt: "asc" }, take: 500 }),
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
  if (jobs.length) state.jobsSince = jobs[jobs.length - 1].updatedAt;
  if (reflections.length) state.reflectionId = reflections[reflections.length - 1].id;
  if (alerts.length) state.alertId = alerts[alerts.length - 1].id;
  const modeChanged = mode && mode.changedAt.getTime() !== state.modeChangedAt;
  if (mode) state.modeChangedAt = mode.changedAt.getTime();

  for (const sub of subscribers) {
    const admin = sub.user.role === "admin";
    const events: LiveEvent[] = [
      ...fresh.filter((j) => admin || j.createdById === sub.user.id).map((j) => ({ type: "job" as const, data: serializeJob(j) })),
      ...reflections.filter((r) => admin || r.userId === sub.user.id).map((r) => ({ type: "reflection" as const, data: { id: r.id, summary: r.summary, user_id: r.userId } })),
      ...(admin ? alerts.map((a) => ({ type: "alert" as const, data: { id: a.id, severity: a.severity, action: a.action, resource: a.resource } })) : []),
      ...(modeChanged ? [{ type: "mode" as const, data: { mode: mode!.mode, reason: mode!.reason, changed_at: mode!.changedAt.toISOString() } }] : []),
    ];
    if (events.length) sub.send(events);
  }
}
