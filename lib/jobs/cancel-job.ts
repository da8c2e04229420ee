import type { Tx } from "../db/client";
import { append } from "../audit";
import { ConflictError, NotFoundError } from "../errors";
import type { AuthUser } from "../auth/schemas";
import { ownedScope } from "../auth/access";
import { afterCommit } from "../db/after-commit";
import { jobSignals } from "./signals";

/**
 * Cancels a queued or running job (its creator or an admin). A running job's worker is told
 * once this commits (and would see it at its next heartbeat anyway) and stops the handler.
 */
export async function cancelJob(o: { tx: Tx; user: AuthUser; jobId: number }) {
  const { tx } = o;
  const job = await tx.job.findFirst({ where: { id: o.jobId, ...ownedScope(o.user, "createdById") } });
  if (!job) throw new NotFoundError("task");
  if (job.status !== "queued" && job.status !== "running") throw new ConflictError(`a ${job.status} task cannot be cancelled`);
  const { count } = await tx.job.updateMany({
    where: { id: job.id, status: job.status },
    data: { status: "cancelled", finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null },
  });
  if (count !== 1) throw new ConflictError("the task changed state; reload and try again");
  afterCommit({
    tx,
    // Its worker stops the run now, not at the next heartbeat; whoever waits for it stops waiting.
    run: () => {
      jobSignals().send({ type: "cancel", jobId: job.id });
      jobSignals().send({ type: "done", jobId: job.id });
    },
  });
  await append({ tx, actor: o.user.username, action: "job.cancel", resource: `job:${job.id}`, subsystem: "queue", payload: { kind: job.kind, was: job.status }, result: "success" });
  return tx.job.findUniqueOrThrow({ where: { id: job.id } });
}
