import { setTimeout as sleep } from "node:timers/promises";
import { db as defaultDb, type Db } from "../db/client";

const FINISHED = new Set(["completed", "failed", "dead", "cancelled"]);

/**
 * Waits until a job finishes or `timeoutMs` passes, then returns the job as it stands. The web
 * process waits this way for work the worker does (it never does the work itself); the poll
 * reads one row by primary key.
 */
export async function waitForJob(o: { jobId: number; timeoutMs: number; pollMs?: number; db?: Db; signal?: AbortSignal }) {
  const db = o.db ?? defaultDb;
  const deadline = Date.now() + o.timeoutMs;
  for (;;) {
    const job = await db.job.findUniqueOrThrow({ where: { id: o.jobId } });
    if (FINISHED.has(job.status) || Date.now() >= deadline || o.signal?.aborted) return job;
    await sleep(Math.min(o.pollMs ?? 100, Math.max(1, deadline - Date.now())));
  }
}
