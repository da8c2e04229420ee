"use client";

import { useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import useSWRInfinite from "swr/infinite";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { AuditFilters, filterQuery, NO_FILTER, parseFilter, type AuditFilter } from "./audit-filters";
import { EntryDetail } from "./entry-detail";
import { VerifyResult, type Verify } from "./verify-result";

type Entry = { sequence: number; timestamp: string; actor: string; action: string; resource: string; subsystem: string; result: string; entry_hash: string };
type Page = { entries: Entry[]; next_cursor: string | null };

export function AuditLog() {
  // The filter lives in the address (?subsystem=auth&routine=false…), so a filtered view can be
  // linked to, reloaded and gone back to; replaceState keeps it out of the history.
  // The filter is also held in state so a control answers at once: the address catches up in a
  // transition, and a controlled checkbox bound to it alone would spring back until then.
  const search = useSearchParams().toString();
  const pathname = usePathname();
  const [state, setState] = useState(() => ({ seen: search, filter: parseFilter(new URLSearchParams(search)) }));
  if (search !== state.seen) {
    // The address changed: our own update arriving, or a link to another filtered view (which wins).
    const own = search === filterQuery(state.filter).toString();
    setState({ seen: search, filter: own ? state.filter : parseFilter(new URLSearchParams(search)) });
  }
  const filter = state.filter;
  const setFilter = (f: AuditFilter) => {
    const q = filterQuery(f).toString();
    setState((s) => ({ ...s, filter: f }));
    window.history.replaceState(null, "", q ? `${pathname}?${q}` : pathname);
  };
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  const key = (index: number, previous: Page | null) => {
    if (previous && !previous.next_cursor) return null;
    const q = filterQuery(filter);
    q.set("limit", "50");
    if (previous?.next_cursor) q.set("cursor", previous.next_cursor);
    return `/api/log/entries?${q}`;
  };
  const { data, error, size, setSize, isLoading } = useSWRInfinite<Page>(key, (url: string) => fetchJson<Page>(url));
  const entries = data?.flatMap((p) => p.entries) ?? [];
  const more = Boolean(data?.[data.length - 1]?.next_cursor);

  const [verify, setVerify] = useState<Verify | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  async function runVerify() {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerify(await fetchJson<Verify>("/api/log/verify"));
    } catch (e) {
      setVerifyError((e as Error).message);
    } finally {
      setVerifying(false);
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={runVerify} disabled={verifying} data-testid="verify-log">
          {verifying ? "Verifying…" : "Verify the log"}
        </Button>
      </div>
      <AuditFilters value={filter} onChange={setFilter} />
      {verifyError && <Alert>{verifyError}</Alert>}
      {verify && <VerifyResult value={verify} />}
      {error && <Alert>{(error as Error).message}</Alert>}
      {!isLoading && !error && entries.length === 0 ? (
        <EmptyState title="No entries">{filtered ? "No entry matches these filters. Clear them, or widen the dates." : "Nothing has been logged yet."}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-500">
              <tr>
                <th className="px-4 py-2 font-medium">#</th>
                <th className="px-4 py-2 font-medium">Time</th>
                <th className="px-4 py-2 font-medium">Subsystem</th>
                <th className="px-4 py-2 font-medium">Actor</th>
                <th className="px-4 py-2 font-medium">Action</th>
                <th className="px-4 py-2 font-medium">Resource</th>
                <th className="px-4 py-2 font-medium">Result</th>
                <th className="px-4 py-2 font-medium">Hash</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.map((e) => (
                <tr key={e.sequence} onClick={() => setSelected(e.sequence)} className={`cursor-pointer hover:bg-slate-50 ${selected === e.sequence ? "bg-indigo-50" : ""}`}>
                  <td className="px-4 py-2 font-mono text-slate-500">
                    <button type="button" className="underline decoration-dotted hover:text-indigo-700" data-testid="audit-entry-open" aria-label={`Show entry ${e.sequence} and check its proof`} onClick={(ev) => { ev.stopPropagation(); setSelected(e.sequence); }}>
                      {e.sequence}
                    </button>
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap text-slate-600"><Time value={e.timestamp} /></td>
                  <td className="px-4 py-2 text-slate-600">{e.subsystem}</td>
                  <td className="px-4 py-2">{e.actor}</td>
                  <td className="px-4 py-2 font-medium">{e.action}</td>
                  <td className="px-4 py-2 text-slate-600">{e.resource}</td>
                  <td className={`px-4 py-2 ${e.result === "success" ? "text-emerald-700" : "text-amber-700"}`}>{e.result}</td>
                  <td className="px-4 py-2 font-mono text-xs text-slate-500" title={e.entry_hash}>
                    {e.entry_hash.slice(0, 12)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {isLoading && <p className="px-4 py-3 text-sm text-slate-500">Loading…</p>}
        </div>
      )}
      {more && (
        <Button variant="secondary" onClick={() => setSize(size + 1)}>
          Load more
        </Button>
      )}
      {selected !== null && <EntryDetail key={selected} sequence={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}
