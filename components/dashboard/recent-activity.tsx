"use client";

import Link from "next/link";
import { useState } from "react";
import useSWR from "swr";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Time } from "@/components/ui/time";

type Entry = { sequence: number; timestamp: string; actor: string; action: string; subsystem: string; result: string };

/** The newest audit entries the user may see; routine ones (job completions) hidden unless asked for. */
export function RecentActivity() {
  const [routine, setRoutine] = useState(false);
  const { data, error } = useSWR<{ entries: Entry[] }>(`/api/log/entries?limit=8${routine ? "" : "&routine=false"}`, (url: string) => fetchJson<{ entries: Entry[] }>(url));
  return (
    <section aria-labelledby="recent-activity" className="mt-6 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-5 py-3">
        <h2 id="recent-activity" className="text-sm font-medium text-slate-700">
          Recent activity
        </h2>
        <label className="ml-auto flex min-h-10 items-center gap-2 text-sm text-slate-600">
          <input type="checkbox" checked={routine} onChange={(e) => setRoutine(e.target.checked)} className="h-4 w-4 rounded border-slate-300 text-indigo-600" />
          Show routine entries
        </label>
      </div>
      {error && (
        <div className="p-4">
          <Alert>{(error as Error).message}</Alert>
        </div>
      )}
      {!data && !error && <p className="px-5 py-6 text-sm text-slate-500">Loading…</p>}
      {data && data.entries.length === 0 && <p className="px-5 py-6 text-sm text-slate-500">Nothing has happened yet{routine ? "" : " besides routine work"}.</p>}
      {data && data.entries.length > 0 && (
        <ul className="divide-y divide-slate-100">
          {data.entries.map((e) => (
            <li key={e.sequence} className="flex flex-wrap items-center gap-x-3 px-5 py-2 text-sm">
              <span className="font-medium">{e.action}</span>
              <span className="text-slate-600">{e.actor}</span>
              <span className={e.result === "success" ? "text-emerald-700" : "text-amber-700"}>{e.result}</span>
              <Time value={e.timestamp} className="ml-auto text-slate-500" />
            </li>
          ))}
        </ul>
      )}
      <p className="border-t border-slate-100 px-5 py-2 text-sm">
        <Link href="/audit" className="font-medium text-indigo-600 hover:text-indigo-500">
          The whole log →
        </Link>
      </p>
    </section>
  );
}
