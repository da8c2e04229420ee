import { db as defaultDb, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { backoffMs } from "./settings";

/**
 * Jobs whose worker stopped heartbeating (crashed, killed, cut off): back to the queue after
 * the backoff, or dead after the last attempt. Any worker may run this; each row is taken by
 * a conditional update, so two workers never both take the same job back.
 */
export async function reclaimExpiredLeases(o: { db?: Db; limit?: number } = {}): Promise<number> {
  const db = o.db ?? defaultDb;
  const now = new Date();
  const expired = await db.job.findMany({
    where: { status: "running", leaseExpiresAt: { lt: now } },
    select: { id: true, attempts: true, maxAttempts: true, kind: true, leaseOwner: true, leaseExpiresAt: true },
    take: o.limit ?? 100,
  });
  let reclaimed = 0;
  for (const job of expired) {
    const dead = job.attempts >= job.maxAttempts;
    const took = await writeTransaction(async (tx) => {
      const { count } = await tx.job.updateMany({
        where: { id: job.id, status: "running", leaseOwner: job.leaseOwner, leaseExpiresAt: job.leaseExpiresAt },
        data: {
          status: dead ? "dead" : "queued",
          leaseOwner: null,
          leaseExpiresAt: null,
          error: `worker ${job.leaseOwner} stopped responding (lease expired)`,
          ...(dead ? { finishedAt: now } : { runAt: new Date(now.getTime() + backoffMs(job.attempts)) }),
        },
      });
      if (count === 1 && dead) {
        await append(tx, { actor: "worker", action: "job.dead", resource: `job:${job.id}`, subsystem: "queue", payload: { kind: job.kind, attempts: job.attempts, error: "lease expired" }, result: "failure" });
      }
      return count === 1;
    }, db);
    if (took) reclaimed += 1;
  }
  return reclaimed;
}
