// Runs one claimed job: keeps its lease alive with heartbeats, reports progress, then
// completes or fails it. A run whose lease was lost (cancelled, or taken over by another
// worker) stops and records nothing; a run aborted because the worker is stopping gives its
// job back to the queue.
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../lib/db/client";
import { config } from "../lib/config";
import type { claimJobs } from "../lib/jobs/claim";
import { completeJob, failJob, PermanentJobError } from "../lib/jobs/finish";
import { isJobKind, jobPayloads } from "../lib/jobs/kinds";
import { heartbeatJob, releaseJob, reportProgress } from "../lib/jobs/lease";
import type { JobHandler } from "./handlers/types";

export type Claimed = Awaited<ReturnType<typeof claimJobs>>[number];

export type RunJobOptions = {
  job: Claimed;
  db: Db;
  handlers: Partial<Record<string, JobHandler<never>>>;
  controller: AbortController;
  /** True once the worker gives up waiting for running jobs: aborted runs are released, not failed. */
  releasing: () => boolean;
  log: (line: string) => void;
};

/** Why a run stops when its job is no longer its own: cancelled, or taken over by another worker. */
export class LeaseLost extends Error {}

export async function runJob(o: RunJobOptions): Promise<void> {
  const { job, db, controller } = o;
  const leaseOwner = job.leaseOwner!;
  let lost = false;
  const heartbeat = setInterval(() => {
    heartbeatJob({ jobId: job.id, leaseOwner, db })
      .then((held) => {
        if (!held && !controller.signal.aborted) {
          lost = true;
          controller.abort(new LeaseLost("the job was cancelled or taken over"));
        }
      })
      .catch((error) => console.error(`[executor] heartbeat for job ${job.id} failed`, error));
  }, config.queue.heartbeatMs);

  let lastProgressAt = 0;
  const progress = async (percent: number, message?: string) => {
    const now = Date.now();
    if (now - lastProgressAt < 200 && percent < 100) return; // at most 5 writes a second
    lastProgressAt = now;
    await reportProgress({ jobId: job.id, leaseOwner, progress: percent, message, db });
  };

  let succeeded = false;
  try {
    const handler = o.handlers[job.kind];
    if (!handler || !isJobKind(job.kind)) throw new PermanentJobError(`no handler for job kind "${job.kind}"`);
    const parsed = jobPayloads[job.kind].safeParse(job.payload ?? {});
    if (!parsed.success) throw new PermanentJobError(`invalid payload: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    const result = await (handler as JobHandler<unknown>)({
      job: { id: job.id, kind: job.kind, attempts: job.attempts, createdById: job.createdById },
      payload: parsed.data,
      db,
      signal: controller.signal,
      progress,
    });
    if (controller.signal.aborted) throw controller.signal.reason;
    succeeded = true;
    await recordCompletion(db, job.id, leaseOwner, result);
  } catch (error) {
    if (succeeded) return; // the work is done; only recording it failed (logged there)
    const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
    if (reason instanceof LeaseLost) {
      lost = true;
      error = reason; // the handler's own AbortError says less than why it was stopped
    }
    if (o.releasing()) {
      await releaseJob({ jobId: job.id, leaseOwner, db });
      o.log(`released job ${job.id} (${job.kind})`);
    } else if (!lost) {
      const outcome = await failJob({ jobId: job.id, leaseOwner, error, db });
      o.log(`job ${job.id} (${job.kind}) attempt ${job.attempts} failed: ${error instanceof Error ? error.message : String(error)} → ${outcome}`);
    } else {
      // Cancelled or taken over: nothing to record (the job is no longer ours), but say how the run ended.
      o.log(`job ${job.id} (${job.kind}) stopped after losing its lease: ${error instanceof Error ? error.message : String(error)}`);
    }
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * The handler succeeded: record it, retrying a few times (the audit head may be busy). If it
 * still cannot be recorded, the lease lapses and the job runs again — handlers are safe to
 * retry — but it is never marked failed for work that succeeded.
 */
async function recordCompletion(db: Db, jobId: number, leaseOwner: string, result: unknown) {
  for (let attempt = 1; ; attempt++) {
    try {
      await completeJob({ jobId, leaseOwner, result, db });
      return;
    } catch (error) {
      if (attempt >= 3) {
        console.error(`[executor] could not record that job ${jobId} completed; its lease will lapse and it will run again`, error);
        return;
      }
      await sleep(200 * attempt);
    }
  }
}
