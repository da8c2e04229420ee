import type { Db } from "../../lib/db/client";

export type JobContext<P> = {
  job: { id: number; kind: string; attempts: number; createdById: number | null };
  payload: P;
  db: Db;
  /** Aborted when the job is cancelled, its lease is lost, or the worker must stop now. */
  signal: AbortSignal;
  /** Reports progress 0–100 (throttled by the executor). */
  progress: (percent: number, message?: string) => Promise<void>;
};

export type JobHandler<P = unknown> = (ctx: JobContext<P>) => Promise<unknown>;
