// Runs queued jobs: claims up to `concurrency` at a time, keeps each one's lease alive,
// reports progress, completes or fails it, and takes back jobs whose worker died. On stop,
// running jobs get a grace period to finish; then they are aborted and their leases released.
import { setTimeout as sleep } from "node:timers/promises";
import { db as defaultDb, type Db } from "../lib/db/client";
import { claimJobs } from "../lib/jobs/claim";
import { completeJob, errorMessage, failJob, PermanentJobError } from "../lib/jobs/finish";
import { isJobKind, jobPayloads } from "../lib/jobs/kinds";
import { heartbeatJob, releaseJob, reportProgress } from "../lib/jobs/lease";
import { reclaimExpiredLeases } from "../lib/jobs/reclaim";
import { config } from "../lib/config";
import { getSystemMode } from "../lib/system/get-mode";
import { handlers as defaultHandlers } from "./handlers";
import type { JobHandler } from "./handlers/types";

type Claimed = Awaited<ReturnType<typeof claimJobs>>[number];

export type ExecutorOptions = {
  workerId: string;
  concurrency: number;
  db?: Db;
  handlers?: Partial<Record<string, JobHandler<never>>>;
  log?: (line: string) => void;
};

export class Executor {
  private readonly db: Db;
  private readonly handlers: Partial<Record<string, JobHandler<never>>>;
  // Keyed by lease owner (worker id + claim token), not job id: one job can be claimed again
  // by this worker while an old, cancelled run of it is still winding down.
  private readonly running = new Map<string, { promise: Promise<void>; controller: AbortController }>();
  private stopping = false;
  private releasing = false;
  private wakeUp: (() => void) | null = null;
  private loopDone: Promise<void> | null = null;
  private lastReclaim = 0;

  constructor(private readonly o: ExecutorOptions) {
    this.db = o.db ?? defaultDb;
    this.handlers = o.handlers ?? defaultHandlers;
  }

  get active(): number {
    return this.running.size;
  }

  start() {
    this.loopDone ??= this.loop();
  }

  /** Stops claiming, lets running jobs finish within the grace period, then releases the rest. */
  async stop(graceMs = config.queue.shutdownGraceMs) {
    this.stopping = true;
    this.wake();
    await this.loopDone;
    const all = () => Promise.all([...this.running.values()].map((r) => r.promise));
    const finished = await Promise.race([all().then(() => true), sleep(graceMs).then(() => false)]);
    if (!finished) {
      this.releasing = true;
      for (const r of this.running.values()) r.controller.abort(new Error("worker shutting down"));
      await all();
    }
  }

  private wake() {
    this.wakeUp?.();
  }

  private async loop() {
    while (!this.stopping) {
      let claimedFull = false;
      try {
        if (Date.now() - this.lastReclaim > config.queue.leaseMs / 2) {
          this.lastReclaim = Date.now();
          const n = await reclaimExpiredLeases({ db: this.db });
          if (n) this.log(`took back ${n} job(s) whose worker stopped responding`);
        }
        const mode = await getSystemMode(this.db);
        const free = this.o.concurrency - this.running.size;
        // Emergency mode stops the queue: nothing new starts until it is lifted.
        if (mode.mode !== "emergency" && free > 0) {
          const jobs = await claimJobs({ workerId: this.o.workerId, limit: free, db: this.db });
          for (const job of jobs) this.run(job);
          claimedFull = jobs.length === free;
        }
      } catch (error) {
        console.error("[executor] loop error", error);
      }
      if (!claimedFull && !this.stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, config.queue.pollMs);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = null;
      }
    }
  }

  private run(job: Claimed) {
    const leaseOwner = job.leaseOwner!;
    const controller = new AbortController();
    let lost = false;
    const heartbeat = setInterval(() => {
      heartbeatJob({ jobId: job.id, leaseOwner, db: this.db })
        .then((held) => {
          if (!held && !controller.signal.aborted) {
            lost = true;
            controller.abort(new Error("the job was cancelled or taken over"));
          }
        })
        .catch((error) => console.error(`[executor] heartbeat for job ${job.id} failed`, error));
    }, config.queue.heartbeatMs);

    let lastProgressAt = 0;
    const progress = async (percent: number, message?: string) => {
      const now = Date.now();
      if (now - lastProgressAt < 200 && percent < 100) return; // at most 5 writes a second
      lastProgressAt = now;
      await reportProgress({ jobId: job.id, leaseOwner, progress: percent, message, db: this.db });
    };

    let succeeded = false;
    const promise = (async () => {
      try {
        const handler = this.handlers[job.kind];
        if (!handler || !isJobKind(job.kind)) throw new PermanentJobError(`no handler for job kind "${job.kind}"`);
        const parsed = jobPayloads[job.kind].safeParse(job.payload ?? {});
        if (!parsed.success) throw new PermanentJobError(`invalid payload: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
        const result = await (handler as JobHandler<unknown>)({
          job: { id: job.id, kind: job.kind, attempts: job.attempts, createdById: job.createdById },
          payload: parsed.data,
          db: this.db,
          signal: controller.signal,
          progress,
        });
        if (controller.signal.aborted) throw controller.signal.reason;
        succeeded = true;
        await this.recordCompletion(job.id, leaseOwner, result);
      } catch (error) {
        if (succeeded) return; // the work is done; only recording it failed (logged above)
        if (this.releasing) {
          await releaseJob({ jobId: job.id, leaseOwner, db: this.db });
          this.log(`released job ${job.id} (${job.kind})`);
        } else if (!lost) {
          const outcome = await failJob({ jobId: job.id, leaseOwner, error, db: this.db });
          this.log(`job ${job.id} (${job.kind}) attempt ${job.attempts} failed: ${errorMessage(error)} → ${outcome}`);
        }
      }
    })()
      .catch((error) => console.error(`[executor] could not record the end of job ${job.id}`, error))
      .finally(() => {
        clearInterval(heartbeat);
        this.running.delete(leaseOwner);
        this.wake();
      });
    this.running.set(leaseOwner, { promise, controller });
  }

  /**
   * The handler succeeded: record it, retrying a few times (the audit head may be busy). If it
   * still cannot be recorded, the lease lapses and the job runs again — handlers are safe to
   * retry — but it is never marked failed for work that succeeded.
   */
  private async recordCompletion(jobId: number, leaseOwner: string, result: unknown) {
    for (let attempt = 1; ; attempt++) {
      try {
        await completeJob({ jobId, leaseOwner, result, db: this.db });
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

  private log(line: string) {
    (this.o.log ?? ((l: string) => console.log(`[executor] ${l}`)))(line);
  }
}
