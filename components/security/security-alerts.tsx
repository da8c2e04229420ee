"use client";

import { useState } from "react";
import useSWRInfinite from "swr/infinite";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Time } from "@/components/ui/time";
import { fetchPage, SeverityBadge, type Page, type SecurityAlert } from "./hunter-api";

const SEVERITIES = ["critical", "high", "medium", "low"] as const;
const STATUSES = [
  ["open", "open"],
  ["resolved", "resolved"],
  ["dismissed", "dismissed"],
  ["", "any status"],
] as const;
const OUTCOME: Record<string, string> = { alert: "alerted", blocked: "blocked", logged: "logged" };

export function SecurityAlerts({ isAdmin }: { isAdmin: boolean }) {
  const [severity, setSeverity] = useState("");
  const [status, setStatus] = useState("open");
  const query = `${severity ? `&severity=${severity}` : ""}${status ? `&status=${status}` : ""}`;
  const list = useSWRInfinite<Page<SecurityAlert>>(
    (index, previous: Page<SecurityAlert> | null) => (previous && !previous.next_cursor ? null : `/api/hunter/alerts?limit=25${query}${previous ? `&cursor=${previous.next_cursor}` : ""}`),
    (url: string) => fetchPage<SecurityAlert>(url),
  );
  const alerts = list.data?.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="alerts-title" className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="alerts-title" className="text-lg font-semibold">
          Alerts
        </h2>
        <div className="flex flex-wrap gap-3 text-sm text-slate-600">
          <label>
            Severity{" "}
            <select value={severity} onChange={(e) => setSeverity(e.target.value)} className="ml-1 rounded-md py-1 text-sm ring-1 ring-slate-300">
              <option value="">all</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            Status{" "}
            <select value={status} onChange={(e) => setStatus(e.target.value)} className="ml-1 rounded-md py-1 text-sm ring-1 ring-slate-300">
              {STATUSES.map(([value, label]) => (
                <option key={label} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {list.error && <Alert>{(list.error as Error).message}</Alert>}
      {list.data && alerts.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500">
          {status === "open" && !severity
            ? isAdmin
              ? "No open alerts. When a rule matches a message, a document, code or a run of failed sign-ins, it shows here."
              : "No open alerts about anything you did."
            : "No alerts match these filters."}
        </p>
      )}
      <ul className="space-y-2">
        {alerts.map((a) => (
          <AlertItem key={a.id} alert={a} isAdmin={isAdmin} onChanged={() => void list.mutate()} />
        ))}
      </ul>
      <LoadMore list={list} />
    </section>
  );
}

function AlertItem({ alert: a, isAdmin, onChanged }: { alert: SecurityAlert; isAdmin: boolean; onChanged: () => void }) {
  const [resolving, setResolving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function resolve(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const note = String(new FormData(event.currentTarget).get("note") ?? "");
    setBusy(true);
    setProblem(null);
    try {
      await fetchJson(`/api/hunter/alerts/${a.id}/resolve`, { method: "POST", body: JSON.stringify({ note, status: submitter?.value === "dismissed" ? "dismissed" : "resolved" }) });
      setResolving(false);
      onChanged();
    } catch (e) {
      setProblem((e as Error).message);
      onChanged();
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={a.severity} />
        <span className="font-medium break-all text-slate-900">{a.rule}</span>
        <span className="text-xs text-slate-500">
          {a.target} · {OUTCOME[a.outcome] ?? a.outcome} · <Time value={a.timestamp} />
        </span>
      </div>
      <p className="mt-1 text-sm [overflow-wrap:anywhere] text-slate-700">{a.details}</p>
      <p className="mt-1 text-xs [overflow-wrap:anywhere] text-slate-500">
        by {a.actor} · {a.resource}
        {a.task_id ? ` · task #${a.task_id}` : ""}
      </p>
      {a.status !== "open" && (
        <p className="mt-2 text-xs [overflow-wrap:anywhere] text-slate-600">
          {a.status === "dismissed" ? "Dismissed" : "Resolved"} by {a.resolved_by}
          {a.resolved_at && (
            <>
              {" "}
              <Time value={a.resolved_at} />
            </>
          )}
          {a.resolution_note ? `: ${a.resolution_note}` : ""}
        </p>
      )}
      {problem && (
        <div className="mt-2">
          <Alert>{problem}</Alert>
        </div>
      )}
      {isAdmin && a.status === "open" && !resolving && (
        <div className="mt-3">
          <Button variant="secondary" onClick={() => setResolving(true)}>
            Resolve…
          </Button>
        </div>
      )}
      {resolving && (
        <form onSubmit={resolve} className="mt-3 space-y-2">
          <label htmlFor={`note-${a.id}`} className="block text-sm font-medium text-slate-700">
            Note (what was done, or why it was a false alarm)
          </label>
          <textarea id={`note-${a.id}`} name="note" rows={2} maxLength={2000} autoFocus className="block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600" />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" value="resolved" disabled={busy}>
              Resolve
            </Button>
            <Button type="submit" value="dismissed" variant="secondary" disabled={busy}>
              False alarm
            </Button>
            <Button type="button" variant="secondary" onClick={() => setResolving(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}
