// Runs queued jobs: claims up to `concurrency` at a time, keeps each one's lease alive,
// reports progress, completes or fails it, and takes back jobs whose worker died. On stop,
// running jobs get a grace period to finish; then they are aborted and their leases released.
import { setTimeout as sleep } from "node:timers/promises";
import { db as defaultDb, type Db } from "../lib/db/client";
import { claimJobs } from "../lib/jobs/claim";
import { reclaimExpiredLeases } from "../lib/jobs/reclaim";
import { config } from "../lib/config";
import { getSystemMode } from "../lib/system/get-mode";
import { handlers as defaultHandlers } from "./handlers";
import type { JobHandler } from "./handlers/types";
import { LeaseLost, runJob, type Claimed } from "./run-job";
import { jobSignals, type JobSignal } from "../lib/jobs/signals";

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
  private readonly running = new Map<string, { jobId: number; promise: Promise<void>; controller: AbortController }>();
  private stopping = false;
  private releasing = false;
  private wakeUp: (() => void) | null = null;
  /** A wake that came while the loop was busy: the next sleep is skipped. */
  private woken = false;
  private unlisten: (() => void) | null = null;
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
    // Signals wake the loop when a job is enqueued and stop a cancelled run at once; the poll
    // stays as the fallback. Only for the configured database (tests may hand in another).
    if (!this.o.db) this.unlisten ??= jobSignals().listen((s) => this.onSignal(s));
    this.loopDone ??= this.loop();
  }

  private onSignal(s: JobSignal) {
    if (s.type === "ready") this.wake();
    if (s.type === "cancel") for (const r of this.running.values()) if (r.jobId === s.jobId) r.controller.abort(new LeaseLost("the job was cancelled"));
  }

  /** Stops claiming, lets running jobs finish within the grace period, then releases the rest. */
  async stop(graceMs = config.queue.shutdownGraceMs) {
    this.stopping = true;
    this.unlisten?.();
    this.unlisten = null;
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
    if (this.wakeUp) this.wakeUp();
    else this.woken = true;
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
        const mode = await getSystemMode({ db: this.db });
        const free = this.o.concurrency - this.running.size;
        // read_only and emergency stop the queue: a job's work would write. Nothing new starts
        // until an admin (or the health loop that set it) returns Grace to normal.
        if (mode.mode === "normal" && free > 0) {
          const jobs = await claimJobs({ workerId: this.o.workerId, limit: free, db: this.db });
          for (const job of jobs) this.run(job);
          claimedFull = jobs.length === free;
        }
      } catch (error) {
        console.error("[executor] loop error", error);
      }
      if (!claimedFull && !this.stopping && !this.woken) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, config.queue.pollMs);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = null;
      }
      this.woken = false;
    }
  }

  private run(job: Claimed) {
    const controller = new AbortController();
    const leaseOwner = job.leaseOwner!;
    const promise = runJob({ job, db: this.db, handlers: this.handlers, controller, releasing: () => this.releasing, log: (l) => this.log(l) })
      .catch((error) => console.error(`[executor] could not record the end of job ${job.id}`, error))
      .finally(() => {
        this.running.delete(leaseOwner);
        this.wake();
      });
    this.running.set(leaseOwner, { jobId: job.id, promise, controller });
  }

  private log(line: string) {
    (this.o.log ?? ((l: string) => console.log(`[executor] ${l}`)))(line);
  }
}
