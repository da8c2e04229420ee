import { db as defaultDb, type Db, type Tx } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { appendMany, type AuditEvent } from "../audit";
import { backoffMs } from "./settings";
import { WORKER_ACTOR } from "../audit/actors";

const EXPIRED = (now: Date) => ({ status: "running", leaseExpiresAt: { lt: now } });

/**
 * Jobs whose worker stopped heartbeating (crashed, killed, cut off): back to the queue after
 * the backoff, or dead after the last attempt — each change with its audit entry, in the
 * caller's transaction. Any worker may run this; each row is taken by a conditional update,
 * so two workers never both take the same job back.
 */
export async function takeBackExpiredLeases(o: { tx: Tx; actor?: string; limit?: number; now?: Date }): Promise<number> {
  const { tx } = o;
  const now = o.now ?? new Date();
  const expired = await tx.job.findMany({
    where: EXPIRED(now),
    select: { id: true, attempts: true, maxAttempts: true, kind: true, leaseOwner: true, leaseExpiresAt: true },
    orderBy: { id: "asc" },
    take: o.limit ?? 100,
  });
  const entries: AuditEvent[] = [];
  for (const job of expired) {
    const dead = job.attempts >= job.maxAttempts;
    const runAt = new Date(now.getTime() + backoffMs(job.attempts));
    const error = `worker ${job.leaseOwner} stopped responding (lease expired)`;
    const { count } = await tx.job.updateMany({
      where: { id: job.id, status: "running", leaseOwner: job.leaseOwner, leaseExpiresAt: job.leaseExpiresAt },
      data: { status: dead ? "dead" : "queued", leaseOwner: null, leaseExpiresAt: null, error, ...(dead ? { finishedAt: now } : { runAt }) },
    });
    if (count !== 1) continue; // another worker took it back first
    entries.push({
      actor: o.actor ?? WORKER_ACTOR,
      action: dead ? "job.dead" : "job.requeue",
      resource: `job:${job.id}`,
      subsystem: "queue",
      payload: { kind: job.kind, attempts: job.attempts, error: "lease expired", worker: job.leaseOwner, ...(dead ? {} : { run_at: runAt.toISOString() }) },
      result: "failure",
    });
  }
  await appendMany({ tx, events: entries });
  return entries.length;
}

/**
 * The worker's periodic sweep: a cheap indexed look first, and a write transaction only when
 * some lease has expired (the audit head is not taken every few seconds for nothing).
 */
export async function reclaimExpiredLeases(o: { db?: Db; limit?: number; actor?: string } = {}): Promise<number> {
  const db = o.db ?? defaultDb;
  const now = new Date();
  if (!(await db.job.findFirst({ where: EXPIRED(now), select: { id: true } }))) return 0;
  return writeTransaction((tx) => takeBackExpiredLeases({ tx, actor: o.actor, limit: o.limit, now }), db);
}
