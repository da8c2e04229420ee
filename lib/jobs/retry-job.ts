import { Prisma, type Tx } from "../db/client";
import { append } from "../audit";
import { ConflictError, NotFoundError } from "../errors";
import type { AuthUser } from "../auth/schemas";
import { ownedScope } from "../auth/access";

/** Puts a failed, dead or cancelled job back on the queue with a fresh set of attempts. */
export async function retryJob(o: { tx: Tx; user: AuthUser; jobId: number }) {
  const { tx } = o;
  const job = await tx.job.findFirst({ where: { id: o.jobId, ...ownedScope(o.user, "createdById") } });
  if (!job) throw new NotFoundError("task");
  if (!["failed", "dead", "cancelled"].includes(job.status)) throw new ConflictError(`a ${job.status} task cannot be retried`);
  const { count } = await tx.job.updateMany({
    where: { id: job.id, status: job.status },
    data: { status: "queued", attempts: 0, runAt: new Date(), error: null, progress: 0, progressMessage: null, finishedAt: null, result: Prisma.DbNull },
  });
  if (count !== 1) throw new ConflictError("the task changed state; reload and try again");
  await append({ tx, actor: o.user.username, action: "job.retry", resource: `job:${job.id}`, subsystem: "queue", payload: { kind: job.kind, was: job.status }, result: "success" });
  return tx.job.findUniqueOrThrow({ where: { id: job.id } });
}
