"use client";

import useSWR from "swr";
import { fetchJson } from "@/components/fetch-json";
import { Button } from "@/components/ui/button";

export type AuditFilter = { subsystem: string; actor: string; action: string; from: string; to: string; hideRoutine: boolean };
export const NO_FILTER: AuditFilter = { subsystem: "", actor: "", action: "", from: "", to: "", hideRoutine: false };

type Facets = { subsystems: string[]; actors: string[]; actions: string[] };

/** The query string of /api/log/entries for a filter (dates are whole UTC days). */
export function filterQuery(f: AuditFilter): URLSearchParams {
  const q = new URLSearchParams();
  if (f.subsystem) q.set("subsystem", f.subsystem);
  if (f.actor) q.set("actor", f.actor);
  if (f.action) q.set("action", f.action);
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  if (f.hideRoutine) q.set("routine", "false");
  return q;
}

/** The filter in a query string (the page's own address, or the API's): the inverse of filterQuery. */
export function parseFilter(q: URLSearchParams): AuditFilter {
  const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : "");
  return { subsystem: q.get("subsystem") ?? "", actor: q.get("actor") ?? "", action: q.get("action") ?? "", from: date(q.get("from")), to: date(q.get("to")), hideRoutine: q.get("routine") === "false" };
}

const control = "mt-1 block w-full rounded-md px-2 py-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600";

function Choice({ label, value, options, onChange }: { label: string; value: string; options: string[] | undefined; onChange: (v: string) => void }) {
  // A value picked from a link (or typed in the URL) stays selectable while the list loads.
  const all = options && value && !options.includes(value) ? [value, ...options] : (options ?? (value ? [value] : []));
  return (
    <label className="min-w-36 flex-1 text-sm text-slate-700">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} className={control}>
        <option value="">all</option>
        {all.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AuditFilters({ value, onChange }: { value: AuditFilter; onChange: (f: AuditFilter) => void }) {
  const { data } = useSWR<Facets>("/api/log/facets", (url: string) => fetchJson<Facets>(url));
  const set = (patch: Partial<AuditFilter>) => onChange({ ...value, ...patch });
  const changed = JSON.stringify(value) !== JSON.stringify(NO_FILTER);
  return (
    <fieldset className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <legend className="sr-only">Filter the log</legend>
      <div className="flex flex-wrap items-end gap-3">
        <Choice label="Subsystem" value={value.subsystem} options={data?.subsystems} onChange={(subsystem) => set({ subsystem })} />
        <Choice label="Actor" value={value.actor} options={data?.actors} onChange={(actor) => set({ actor })} />
        <Choice label="Action" value={value.action} options={data?.actions} onChange={(action) => set({ action })} />
        <label className="text-sm text-slate-700">
          From (UTC)
          <input type="date" value={value.from} max={value.to || undefined} onChange={(e) => set({ from: e.target.value })} className={control} />
        </label>
        <label className="text-sm text-slate-700">
          To (UTC)
          <input type="date" value={value.to} min={value.from || undefined} onChange={(e) => set({ to: e.target.value })} className={control} />
        </label>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <label className="flex min-h-10 items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={value.hideRoutine} onChange={(e) => set({ hideRoutine: e.target.checked })} className="h-4 w-4 rounded border-slate-300 text-indigo-600" />
          Hide routine entries (the worker&apos;s job completions)
        </label>
        {changed && (
          <Button variant="secondary" onClick={() => onChange(NO_FILTER)}>
            Clear filters
          </Button>
        )}
      </div>
    </fieldset>
  );
}
