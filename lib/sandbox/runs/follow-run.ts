// A run's output as it arrives, then its end: what /api/sandbox/runs/:id/stream sends. Reads
// the rows the worker writes (SandboxOutput) every few tens of milliseconds; the worker's
// "done" signal ends the wait for the last ones at once.
import { setTimeout as sleep } from "node:timers/promises";
import { db as defaultDb, type Db } from "../../db/client";
import { jobSignals } from "../../jobs/signals";
import { getRun } from "./get-run";
import { FINISHED_RUN, serializeRun } from "./serialize";

const POLL_MS = 50;
const BATCH = 200;

export type RunEvent = { type: "output"; data: { stream: string; text: string } } | { type: "done"; data: ReturnType<typeof serializeRun> };

export async function* followRun(o: { db?: Db; userId: number; runId: number; signal: AbortSignal }): AsyncGenerator<RunEvent> {
  const db = o.db ?? defaultDb;
  const run = await getRun({ db, userId: o.userId, runId: o.runId }); // not yours: 404 before the stream opens
  let wake = () => {};
  const unlisten = jobSignals().listen((s) => {
    if (s.type === "done" && s.jobId === run.jobId) wake();
  });
  try {
    let after = 0;
    for (;;) {
      const rows = await db.sandboxOutput.findMany({ where: { runId: run.id, id: { gt: after } }, orderBy: { id: "asc" }, take: BATCH, select: { id: true, stream: true, text: true } });
      for (const r of rows) yield { type: "output", data: { stream: r.stream, text: r.text } };
      if (rows.length) after = rows[rows.length - 1].id;
      if (rows.length === BATCH) continue;
      const now = await db.sandboxRun.findUniqueOrThrow({ where: { id: run.id } });
      if (FINISHED_RUN.has(now.status)) {
        // The worker stores the last output before it records the end: read what is left, then say how it ended.
        const rest = await db.sandboxOutput.findMany({ where: { runId: run.id, id: { gt: after } }, orderBy: { id: "asc" }, select: { stream: true, text: true } });
        for (const r of rest) yield { type: "output", data: r };
        yield { type: "done", data: serializeRun(now) };
        return;
      }
      if (o.signal.aborted) return;
      const controller = new AbortController();
      wake = () => controller.abort();
      await sleep(POLL_MS, undefined, { signal: AbortSignal.any([controller.signal, o.signal]) }).catch(() => undefined);
    }
  } finally {
    unlisten();
  }
}
