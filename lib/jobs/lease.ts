import { db as defaultDb, type Db } from "../db/client";
import { config } from "../config";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { WORKER_ACTOR } from "../audit/actors";

/** Extends this worker's lease; false when it no longer holds the job (cancelled or reclaimed). */
export async function heartbeatJob(o: { jobId: number; leaseOwner: string; db?: Db }): Promise<boolean> {
  const db = o.db ?? defaultDb;
  const now = new Date();
  const { count } = await db.job.updateMany({
    where: { id: o.jobId, leaseOwner: o.leaseOwner, status: "running" },
    data: { leaseExpiresAt: new Date(now.getTime() + config.queue.leaseMs), heartbeatAt: now },
  });
  return count === 1;
}

/** Records progress (0–100) while the lease is held. */
export async function reportProgress(o: { jobId: number; leaseOwner: string; progress: number; message?: string; db?: Db }): Promise<boolean> {
  const db = o.db ?? defaultDb;
  const { count } = await db.job.updateMany({
    where: { id: o.jobId, leaseOwner: o.leaseOwner, status: "running" },
    data: { progress: Math.max(0, Math.min(100, Math.round(o.progress))), progressMessage: o.message ?? null },
  });
  return count === 1;
}

/**
 * Gives a running job back to the queue without counting the attempt: a graceful shutdown
 * that could not wait for it to finish. Audited with the change, like every re-queue.
 */
export async function releaseJob(o: { jobId: number; leaseOwner: string; db?: Db }): Promise<boolean> {
  return writeTransaction(async (tx) => {
    const { count } = await tx.job.updateMany({
      where: { id: o.jobId, leaseOwner: o.leaseOwner, status: "running" },
      data: { status: "queued", leaseOwner: null, leaseExpiresAt: null, runAt: new Date(), attempts: { decrement: 1 }, progressMessage: "released by a stopping worker" },
    });
    if (count !== 1) return false;
    await append({ tx, actor: WORKER_ACTOR, action: "job.release", resource: `job:${o.jobId}`, subsystem: "queue", payload: { worker: o.leaseOwner, reason: "worker stopping" }, result: "success" });
    return true;
  }, o.db ?? defaultDb);
}
