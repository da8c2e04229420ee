import { setTimeout as sleep } from "node:timers/promises";
import { db as defaultDb, type Db } from "../db/client";
import { jobSignals } from "./signals";

const FINISHED = new Set(["completed", "failed", "dead", "cancelled"]);

/**
 * Waits until a job finishes or `timeoutMs` passes, then returns the job as it stands. The web
 * process waits this way for work the worker does (it never does the work itself): the worker's
 * "done" signal ends the wait at once; the poll (one row by primary key) is the fallback.
 */
export async function waitForJob(o: { jobId: number; timeoutMs: number; pollMs?: number; db?: Db; signal?: AbortSignal }) {
  const db = o.db ?? defaultDb;
  const deadline = Date.now() + o.timeoutMs;
  let wake: (() => void) | null = null;
  let signalled = false;
  const unlisten = o.db
    ? () => undefined // another database than the configured one: polls only
    : jobSignals().listen((s) => {
        if (s.type !== "done" || s.jobId !== o.jobId) return;
        signalled = true;
        wake?.();
      });
  try {
    for (;;) {
      const job = await db.job.findUniqueOrThrow({ where: { id: o.jobId } });
      if (FINISHED.has(job.status) || Date.now() >= deadline || o.signal?.aborted) return job;
      if (signalled) {
        signalled = false;
        continue;
      }
      const controller = new AbortController();
      wake = () => controller.abort();
      await sleep(Math.min(o.pollMs ?? 100, Math.max(1, deadline - Date.now())), undefined, { signal: controller.signal }).catch(() => undefined);
      wake = null;
    }
  } finally {
    unlisten();
  }
}
