"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import type { RunResult } from "./types";

export type RunView = {
  phase: "idle" | "starting" | "running" | "done";
  runId: number | null;
  fileName: string | null;
  /** Output so far: streamed while the run goes, the result's once it is done. */
  stdout: string;
  stderr: string;
  result: RunResult | null;
  error: string | null;
  stopping: boolean;
};

const IDLE: RunView = { phase: "idle", runId: null, fileName: null, stdout: "", stderr: "", result: null, error: null, stopping: false };
const FINISHED = (status: string) => status !== "queued" && status !== "running";

export type RunInput = { file_name: string; language: string; code: string; stdin: string; save_files: boolean };

/**
 * One run at a time: POST /api/sandbox/run with stream: true, then its output live from
 * /api/sandbox/runs/:id/stream until `done`. When the stream breaks off before that, the run is
 * followed by polling GET /api/sandbox/runs/:id instead (a reconnecting EventSource would get
 * the output again from the start).
 */
export function useRun(onDone: (result: RunResult) => void) {
  const [view, setView] = useState<RunView>(IDLE);
  const source = useRef<EventSource | null>(null);
  // Bumped by each start: the callbacks of an older run see they are stale and do nothing.
  const generation = useRef(0);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  }, [onDone]);

  const detach = () => {
    source.current?.close();
    source.current = null;
  };
  useEffect(() => () => {
    generation.current++;
    detach();
  }, []);

  const finish = useCallback((gen: number, result: RunResult) => {
    if (gen !== generation.current) return;
    detach();
    setView((v) => ({ ...v, phase: "done", result, stdout: result.stdout, stderr: result.stderr, stopping: false }));
    done.current(result);
  }, []);

  const fail = useCallback((gen: number, message: string) => {
    if (gen !== generation.current) return;
    detach();
    setView((v) => ({ ...v, phase: "done", error: message, stopping: false }));
  }, []);

  const poll = useCallback(
    async (gen: number, id: number) => {
      while (gen === generation.current) {
        try {
          const run = await fetchJson<RunResult>(`/api/sandbox/runs/${id}`);
          if (FINISHED(run.status)) return finish(gen, run);
        } catch (e) {
          return fail(gen, (e as Error).message);
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    },
    [finish, fail],
  );

  const follow = useCallback(
    (gen: number, id: number) => {
      const es = new EventSource(`/api/sandbox/runs/${id}/stream`);
      source.current = es;
      es.addEventListener("output", (e) => {
        if (gen !== generation.current) return;
        const chunk = JSON.parse((e as MessageEvent).data) as { stream: "stdout" | "stderr"; text: string };
        setView((v) => ({ ...v, [chunk.stream]: v[chunk.stream] + chunk.text }));
      });
      es.addEventListener("done", (e) => finish(gen, JSON.parse((e as MessageEvent).data) as RunResult));
      // The server's `error` event (the stream broke off) and the browser's own (the connection
      // did) both leave the result to be read from the run itself.
      es.addEventListener("error", () => {
        if (gen !== generation.current) return;
        detach();
        void poll(gen, id);
      });
    },
    [finish, poll],
  );

  const start = useCallback(
    async (input: RunInput) => {
      const gen = ++generation.current;
      detach();
      setView({ ...IDLE, phase: "starting", fileName: input.file_name });
      try {
        const started = await fetchJson<{ run_id: number; status: string } & Partial<RunResult>>("/api/sandbox/run", {
          method: "POST",
          body: JSON.stringify({ ...input, stream: true }),
        });
        if (gen !== generation.current) return;
        setView((v) => ({ ...v, phase: "running", runId: started.run_id }));
        if (FINISHED(started.status) && typeof started.stdout === "string") finish(gen, started as RunResult);
        else follow(gen, started.run_id);
      } catch (e) {
        fail(gen, (e as Error).message);
      }
    },
    [follow, finish, fail],
  );

  const stop = useCallback(async () => {
    const id = view.runId;
    if (id === null || view.phase !== "running") return;
    setView((v) => ({ ...v, stopping: true }));
    try {
      await fetchJson(`/api/sandbox/runs/${id}/stop`, { method: "POST" });
    } catch (e) {
      setView((v) => ({ ...v, stopping: false, error: (e as Error).message }));
    }
  }, [view.runId, view.phase]);

  /** Shows a finished run from the history in the console. */
  const show = useCallback((result: RunResult) => {
    generation.current++;
    detach();
    setView({ ...IDLE, phase: "done", runId: result.run_id, fileName: result.file_name, stdout: result.stdout, stderr: result.stderr, result });
  }, []);

  return { view, start, stop, show, busy: view.phase === "starting" || view.phase === "running" };
}
