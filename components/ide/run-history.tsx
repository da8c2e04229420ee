"use client";

import useSWRInfinite from "swr/infinite";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { LoadMore } from "@/components/ui/load-more";
import { Time } from "@/components/ui/time";
import { RunStatusBadge, formatDuration } from "./run-status";
import type { RunPage, RunResult } from "./types";

const HISTORY_KEY = "/api/sandbox/runs?limit=20";

/** The user's runs, newest first, page by page; `mutate()` reloads them after a run. */
export function useRunHistory() {
  return useSWRInfinite<RunPage>((i, previous: RunPage | null) => (previous && !previous.next_cursor ? null : `${HISTORY_KEY}${previous ? `&cursor=${previous.next_cursor}` : ""}`), (url: string) => fetchJson<RunPage>(url));
}

/** The run history; picking a run shows its output in the console. */
export function RunHistory({ list, selected, onShow }: { list: ReturnType<typeof useRunHistory>; selected: number | null; onShow: (run: RunResult) => void }) {
  const runs = list.data?.flatMap((p) => p.items);
  return (
    <section aria-labelledby="ide-history" className="space-y-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <h2 id="ide-history" className="text-base font-semibold">
        Run history
      </h2>
      {list.error && <Alert>{(list.error as Error).message}</Alert>}
      {runs?.length === 0 && <p className="text-sm text-slate-600">No runs yet.</p>}
      <ul className="space-y-1">
        {runs?.map((run) => (
          <li key={run.run_id}>
            <button
              type="button"
              onClick={() => onShow(run)}
              aria-current={selected === run.run_id ? "true" : undefined}
              className={`w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-50 ${selected === run.run_id ? "bg-indigo-50 ring-1 ring-indigo-200" : ""}`}
            >
              <span className="flex items-center justify-between gap-2">
                <span className="min-w-0 truncate font-mono">{run.file_name ?? run.language}</span>
                <RunStatusBadge status={run.status} />
              </span>
              <span className="flex flex-wrap gap-x-2 text-xs text-slate-600">
                <Time value={run.created_at} />
                <span>{formatDuration(run.duration_ms)}</span>
                {run.exit_code !== null && <span>exit {run.exit_code}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <LoadMore list={list} />
    </section>
  );
}
