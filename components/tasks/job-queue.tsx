"use client";

import { useState } from "react";
import useSWR from "swr";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useLive } from "@/components/live/live-events";
import { ErrorText } from "@/components/knowledge/error-text";

type Job = {
  task_id: string;
  task_type: string;
  description: string;
  status: string;
  progress: number;
  progress_message: string | null;
  attempts: number;
  max_attempts: number;
  error: string | null;
  created_at: string;
};

const tone = (s: string) => (s === "completed" ? "emerald" : s === "failed" || s === "dead" ? "red" : s === "cancelled" ? "slate" : "indigo");
const statusStyle: Record<string, string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-indigo-50 text-indigo-700",
  completed: "bg-emerald-50 text-emerald-700",
  failed: "bg-red-50 text-red-700",
  dead: "bg-red-100 text-red-800",
  cancelled: "bg-slate-100 text-slate-500",
};

export function JobQueue() {
  // Live events refresh the list as jobs move; without them, poll quickly while something runs.
  const { connected, mode } = useLive();
  const { data, error, mutate } = useSWR<Job[]>("/api/executor/tasks?limit=50", (url: string) => fetchJson<Job[]>(url), {
    refreshInterval: (latest) => (connected ? 15_000 : latest?.some((j) => j.status === "queued" || j.status === "running") ? 1000 : 5000),
  });
  const [problem, setProblem] = useState<string | null>(null);

  async function act(url: string, body: unknown) {
    setProblem(null);
    try {
      await fetchJson(url, { method: "POST", body: JSON.stringify(body) });
      await mutate();
    } catch (e) {
      setProblem((e as Error).message);
    }
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    await act("/api/executor/submit", { task_type: "steps", description: String(f.get("description") || "Demo job"), steps: Number(f.get("steps")) });
  }

  return (
    <section aria-labelledby="queue" className="space-y-4">
      <h2 id="queue" className="text-lg font-semibold">Queue</h2>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <label className="min-w-48 flex-1 text-sm">
          <span className="mb-1 block font-medium text-slate-700">Demo job</span>
          <input name="description" placeholder="Demo job" maxLength={1000} className="block w-full rounded-md px-3 py-2 ring-1 ring-slate-300" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Steps</span>
          <input name="steps" type="number" min={1} max={1000} defaultValue={10} className="w-24 rounded-md px-3 py-2 ring-1 ring-slate-300" />
        </label>
        <Button type="submit">Submit</Button>
      </form>
      {mode.mode !== "normal" && (
        <p role="status" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          The queue is paused: Grace is in {mode.mode.replace("_", "-")} mode{mode.reason ? ` (${mode.reason})` : ""}. Queued jobs wait and start once an admin returns Grace to normal.
        </p>
      )}
      {problem && <Alert>{problem}</Alert>}
      {error && <Alert>{(error as Error).message}</Alert>}
      {data && data.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500">
          Nothing on the queue. Submit a demo job to watch a worker pick it up.
        </p>
      )}
      <ul className="space-y-2">
        {data?.map((j) => (
          // Job ids count every user's jobs: they are not shown (the description names the job).
          <li key={j.task_id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid={`job-${j.task_id}`}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{j.description || j.task_type}</span>
              <span className={`rounded px-1.5 py-0.5 text-xs ${statusStyle[j.status] ?? ""}`}>{j.status}</span>
              <span className="ml-auto text-xs text-slate-500">
                attempt {j.attempts}/{j.max_attempts}
              </span>
            </div>
            <div className="mt-2 flex items-center gap-3">
              <ProgressBar value={j.progress} label={`Progress of ${j.description || j.task_type}`} tone={tone(j.status)} />
              <span className="w-10 text-right text-xs text-slate-600 tabular-nums">{j.progress}%</span>
            </div>
            {j.progress_message && j.status === "running" && <p className="mt-1 text-xs text-slate-500">{j.progress_message}</p>}
            {j.error && (
              <p className="mt-1 text-xs text-red-700">
                <ErrorText message={j.error} />
              </p>
            )}
            <div className="mt-2 flex gap-2">
              {(j.status === "queued" || j.status === "running") && (
                <Button variant="danger" onClick={() => void act(`/api/executor/tasks/${j.task_id}/cancel`, {})} aria-label={`Cancel ${j.description || j.task_type}`}>
                  Cancel
                </Button>
              )}
              {(j.status === "failed" || j.status === "dead" || j.status === "cancelled") && (
                <Button variant="secondary" onClick={() => void act(`/api/executor/tasks/${j.task_id}/retry`, {})} aria-label={`Retry ${j.description || j.task_type}`}>
                  Retry
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
