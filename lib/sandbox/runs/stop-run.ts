import type { Tx } from "../../db/client";
import type { AuthUser } from "../../auth/schemas";
import { append } from "../../audit";
import { ConflictError, NotFoundError } from "../../errors";
import { cancelJob } from "../../jobs/cancel-job";
import { FINISHED_RUN } from "./serialize";

/**
 * Stops a run: cancelling its job tells the worker at once (lib/jobs/signals), which kills the
 * program and records it as `killed`. A run still waiting in the queue ends here, never started.
 */
export async function stopRun(o: { tx: Tx; user: AuthUser; runId: number }) {
  const { tx } = o;
  const run = await tx.sandboxRun.findFirst({ where: { id: o.runId, userId: o.user.id } });
  if (!run) throw new NotFoundError("Run");
  if (FINISHED_RUN.has(run.status)) throw new ConflictError(`the run has already finished (${run.status})`);
  if (run.jobId) {
    const job = await tx.job.findUnique({ where: { id: run.jobId }, select: { status: true } });
    if (job && (job.status === "queued" || job.status === "running")) await cancelJob({ tx, user: o.user, jobId: run.jobId });
  }
  if (run.status === "queued") {
    await tx.sandboxRun.update({ where: { id: run.id }, data: { status: "killed", message: "Stopped before it started.", finishedAt: new Date() } });
  }
  await append({ tx, actor: o.user.username, action: "sandbox.run.stop", resource: `sandbox_run:${run.id}`, subsystem: "sandbox", payload: { was: run.status }, result: "success" });
  return tx.sandboxRun.findUniqueOrThrow({ where: { id: run.id } });
}
