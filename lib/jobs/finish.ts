import type { Db } from "../db/client";
import { Prisma } from "../db/client";
import { db as defaultDb } from "../db/client";
import { jobSignals } from "./signals";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { backoffMs } from "./settings";
import { DomainError } from "../errors";
import { databaseFault, describeFault } from "../db/errors";
import { randomUUID } from "node:crypto";
import { WORKER_ACTOR } from "../audit/actors";
import { truncate } from "../text/truncate";

/** A failure that retrying cannot fix (bad payload, unknown kind): the job fails at once. Its message is shown to the job's owner. */
export class PermanentJobError extends DomainError {
  constructor(message: string) {
    super("validation_failed", message);
  }
}

/**
 * Completes a job — only if this worker still holds it, so a job is completed exactly once
 * even when a slow worker and the one that took over both finish.
 */
export async function completeJob(o: { jobId: number; leaseOwner: string; result: unknown; db?: Db }): Promise<boolean> {
  const done = await writeTransaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.job.updateMany({
      where: { id: o.jobId, leaseOwner: o.leaseOwner, status: "running" },
      data: {
        status: "completed",
        progress: 100,
        result: (o.result ?? null) as Prisma.InputJsonValue,
        finishedAt: now,
        leaseOwner: null,
        leaseExpiresAt: null,
      },
    });
    if (count !== 1) return false;
    const job = await tx.job.findUniqueOrThrow({ where: { id: o.jobId }, select: { kind: true, attempts: true } });
    await append({ tx, actor: WORKER_ACTOR, action: "job.complete", resource: `job:${o.jobId}`, subsystem: "queue", payload: { kind: job.kind, attempts: job.attempts, worker: o.leaseOwner }, result: "success" });
    return true;
  }, o.db ?? defaultDb);
  if (done) jobSignals().send({ type: "done", jobId: o.jobId });
  return done;
}

/**
 * Records a failed attempt: back to the queue after an exponential backoff, or — after the
 * last attempt, or for a permanent error — dead / failed, and audited.
 */
export async function failJob(o: { jobId: number; leaseOwner: string; error: unknown; db?: Db }): Promise<"retrying" | "dead" | "failed" | "lost"> {
  const message = errorMessage(o.error, `job ${o.jobId}`);
  const permanent = o.error instanceof PermanentJobError;
  const outcome = await writeTransaction(async (tx) => {
    const job = await tx.job.findFirst({ where: { id: o.jobId, leaseOwner: o.leaseOwner, status: "running" } });
    if (!job) return "lost";
    const now = new Date();
    const exhausted = job.attempts >= job.maxAttempts;
    const status = permanent ? "failed" : exhausted ? "dead" : "queued";
    const runAt = new Date(now.getTime() + backoffMs(job.attempts));
    await tx.job.update({
      where: { id: job.id },
      data: { status, error: message, leaseOwner: null, leaseExpiresAt: null, ...(status === "queued" ? { runAt } : { finishedAt: now }) },
    });
    // Every outcome is a state change, the re-queue included: each is audited with it.
    const action = status === "queued" ? "job.requeue" : status === "dead" ? "job.dead" : "job.fail";
    const payload = { kind: job.kind, attempts: job.attempts, error: message, ...(status === "queued" ? { run_at: runAt.toISOString() } : {}) };
    await append({ tx, actor: WORKER_ACTOR, action, resource: `job:${job.id}`, subsystem: "queue", payload, result: "failure" });
    return status === "queued" ? "retrying" : status;
  }, o.db ?? defaultDb);
  if (outcome === "dead" || outcome === "failed") jobSignals().send({ type: "done", jobId: o.jobId });
  return outcome;
}

/**
 * What a job's owner may read about its failure. A domain error's message is written for
 * them; a database fault says what is wrong; anything else (a bug, a driver error with SQL
 * and source lines in it) is logged here with a reference, and only the reference is stored.
 */
export function errorMessage(error: unknown, context = "job"): string {
  if (error instanceof DomainError) return truncate(error.message, 2000, "");
  const fault = databaseFault(error);
  if (fault) return describeFault(fault);
  const reference = randomUUID().slice(0, 8);
  console.error(`[jobs] ${context} failed (reference ${reference})`, error);
  return `an internal error stopped this ${context} (reference ${reference}: the server log has the details)`;
}
