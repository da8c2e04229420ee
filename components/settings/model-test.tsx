"use client";

import { useEffect, useRef, useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";

type TestResult = { ok: boolean; model: string; base_url: string | null; reply?: string; latency_ms?: number; first_token_ms?: number; error?: string; detail?: string };
type Job = { status: string; progress: number; progress_message: string | null; result: TestResult | null; error: string | null };

const POLL_MS = 500;
const DONE = new Set(["completed", "failed", "dead", "cancelled"]);

type State = { phase: "idle" } | { phase: "running"; step: string } | { phase: "done"; result: TestResult } | { phase: "error"; message: string };

/** "Test connection": queues a model_test job (the worker makes the call) and follows it until it ends. */
export function ModelTest({ disabledReason, onStart }: { disabledReason: string | null; onStart?: () => void }) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  async function run() {
    onStart?.();
    setState({ phase: "running", step: "Queued: waiting for a worker…" });
    try {
      const { task_id } = await fetchJson<{ task_id: string }>("/api/settings/model/test", { method: "POST" });
      for (;;) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (!alive.current) return;
        const job = await fetchJson<Job>(`/api/executor/status/${task_id}`);
        if (!DONE.has(job.status)) {
          setState({ phase: "running", step: job.status === "running" ? "Asking the model…" : "Queued: waiting for a worker…" });
          continue;
        }
        if (job.status === "completed" && job.result) setState({ phase: "done", result: job.result });
        else setState({ phase: "error", message: job.error ?? `The test ${job.status === "cancelled" ? "was cancelled" : "could not run"}.` });
        return;
      }
    } catch (e) {
      if (alive.current) setState({ phase: "error", message: (e as Error).message });
    }
  }

  const running = state.phase === "running";
  return (
    <div className="space-y-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" className="min-h-10" disabled={running || disabledReason !== null} aria-describedby="model-test-note" onClick={() => void run()}>
          {running ? "Testing…" : "Test connection"}
        </Button>
        <p id="model-test-note" className="text-sm text-slate-500">
          {disabledReason ?? "Sends one short prompt to the saved model from the worker and shows the reply and how long it took."}
        </p>
      </div>
      <div aria-live="polite" data-testid="model-test-result">
        {state.phase === "running" && (
          <div className="space-y-2">
            <ProgressBar value={null} label="Testing the connection" />
            <p className="text-sm text-slate-600">{state.step}</p>
          </div>
        )}
        {state.phase === "done" && state.result.ok && (
          <div role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200">
            <p className="font-medium">
              {state.result.model} answered in {state.result.latency_ms} ms
              {state.result.first_token_ms !== undefined && <span className="font-normal"> (first words after {state.result.first_token_ms} ms)</span>}:
            </p>
            <blockquote className="mt-1 border-l-2 border-emerald-300 pl-2 break-words whitespace-pre-wrap">{state.result.reply}</blockquote>
          </div>
        )}
        {state.phase === "done" && !state.result.ok && (
          <Alert>
            <p className="font-medium">{state.result.error}</p>
            {state.result.detail && <p className="mt-1 font-mono text-xs break-words text-red-700">{state.result.detail}</p>}
          </Alert>
        )}
        {state.phase === "error" && <Alert>{state.message}</Alert>}
      </div>
    </div>
  );
}
