"use client";

import { useState } from "react";
import useSWRInfinite from "swr/infinite";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Time } from "@/components/ui/time";

type Status = "pending" | "approved" | "rejected" | "executed" | "failed" | "expired";
export type Approval = {
  id: number;
  action: string;
  action_label: string;
  resource: string;
  status: Status;
  reason: string;
  payload: Record<string, unknown>;
  policy: string | null;
  requested_by: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  expires_at: string | null;
  executed_at: string | null;
  result: unknown;
  error: string | null;
  created_at: string;
  job: { id: number; status: string; error: string | null } | null;
};
type Page = { items: Approval[]; next_cursor: string | null };

const statusStyle: Record<Status, string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  approved: "bg-indigo-50 text-indigo-700 ring-indigo-200",
  executed: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  rejected: "bg-slate-100 text-slate-600 ring-slate-200",
  expired: "bg-slate-100 text-slate-600 ring-slate-200",
  failed: "bg-red-50 text-red-700 ring-red-200",
};

const FILTERS = [
  ["pending", "Waiting"],
  ["", "All"],
] as const;

// Approved but not run yet: the worker is on it, so the list refreshes until it is done.
const working = (pages: Page[] | undefined) => !!pages?.some((p) => p.items.some((a) => a.status === "approved"));

/** The approvals queue: every action a policy held, with approve / reject (and why) for admins. */
export function ApprovalsQueue({ isAdmin }: { isAdmin: boolean }) {
  const [filter, setFilter] = useState<"pending" | "">("pending");
  const key = (index: number, previous: Page | null) => {
    if (previous && !previous.next_cursor) return null;
    const params = new URLSearchParams({ limit: "20" });
    if (filter) params.set("status", filter);
    if (previous?.next_cursor) params.set("cursor", previous.next_cursor);
    return `/api/governance/approvals?${params}`;
  };
  const list = useSWRInfinite<Page>(key, (url: string) => fetchJson<Page>(url), { refreshInterval: (pages) => (working(pages) ? 1500 : 0) });
  const [problem, setProblem] = useState<string | null>(null);
  const items = list.data?.flatMap((p) => p.items) ?? [];

  async function decide(id: number, decision: "approve" | "reject", reason: string) {
    setProblem(null);
    try {
      await fetchJson(`/api/governance/approvals/${id}/decision`, { method: "POST", body: JSON.stringify({ decision, reason }) });
    } catch (e) {
      setProblem((e as Error).message);
    }
    await list.mutate();
  }

  return (
    <section aria-labelledby="approvals-heading" className="space-y-3" data-testid="approvals-queue">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="approvals-heading" className="text-lg font-semibold">Approvals</h2>
          <p className="text-sm text-slate-600">
            {isAdmin ? "Actions a policy held for an admin. Approving runs the action as the person who asked." : "Your actions a policy held for an admin, and what was decided."}
          </p>
        </div>
        <div role="group" aria-label="Show" className="flex gap-1">
          {FILTERS.map(([value, label]) => (
            <Button key={label} variant={filter === value ? "primary" : "secondary"} aria-pressed={filter === value} onClick={() => setFilter(value)} data-testid={`approvals-filter-${value || "all"}`}>
              {label}
            </Button>
          ))}
        </div>
      </div>
      {problem && <Alert>{problem}</Alert>}
      {list.error && <Alert>{(list.error as Error).message}</Alert>}
      {list.data && items.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500" data-testid="approvals-empty">
          {filter === "pending" ? "Nothing is waiting for a decision." : "No approvals yet."} Actions held by a review policy appear here.
        </p>
      )}
      <ul className="space-y-2">
        {items.map((a) => (
          <ApprovalRow key={a.id} approval={a} isAdmin={isAdmin} onDecide={decide} />
        ))}
      </ul>
      <LoadMore list={list} />
    </section>
  );
}

/** A short, readable account of what the held action would do. */
function summary(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "string" ? (v.length > 80 ? `${v.slice(0, 80)}…` : v) : JSON.stringify(v).slice(0, 80)}`)
    .join(" · ");
}

function ApprovalRow({ approval: a, isAdmin, onDecide }: { approval: Approval; isAdmin: boolean; onDecide: (id: number, decision: "approve" | "reject", reason: string) => Promise<void> }) {
  const [deciding, setDeciding] = useState<"approve" | "reject" | null>(null);
  const [sending, setSending] = useState(false);

  async function send(decision: "approve" | "reject", reason: string) {
    setSending(true);
    await onDecide(a.id, decision, reason);
    setSending(false);
    setDeciding(null);
  }

  return (
    <li className="min-w-0 space-y-2 rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200" data-testid={`approval-${a.id}`} data-approval-id={a.id} data-status={a.status}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{a.action_label}</span>
        <span className={`rounded px-1.5 py-0.5 text-xs ring-1 ${statusStyle[a.status]}`} data-testid="approval-status">
          {a.status}
        </span>
        <code className="text-xs text-slate-500">{a.action}</code>
      </div>
      <p className="font-mono text-xs break-all text-slate-700">{a.resource}</p>
      {Object.keys(a.payload).length > 0 && (
        <details className="text-xs text-slate-600">
          <summary className="cursor-pointer break-all">{summary(a.payload) || "Details"}</summary>
          <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 break-all whitespace-pre-wrap">{JSON.stringify(a.payload, null, 2)}</pre>
        </details>
      )}
      <p className="text-xs text-slate-500">
        Asked by {a.requested_by ?? "a removed user"} · <Time value={a.created_at} />
        {a.policy && <> · policy “{a.policy}”</>}
        {a.status === "pending" && a.expires_at && (
          <>
            {" "}
            · expires <Time value={a.expires_at} />
          </>
        )}
      </p>
      {a.decided_by && (
        <p className="text-xs text-slate-600">
          {a.status === "rejected" ? "Rejected" : "Approved"} by {a.decided_by}
          {a.decision_reason ? `: ${a.decision_reason}` : "."}
        </p>
      )}
      {a.status === "approved" && <p className="text-xs text-slate-500">Running the action…</p>}
      {a.status === "executed" && (
        <p className="text-xs text-emerald-700" data-testid="approval-done">
          Done{a.executed_at ? <> <Time value={a.executed_at} /></> : null}.
        </p>
      )}
      {a.status === "failed" && (
        <p className="text-xs break-words text-red-700" data-testid="approval-error">
          <span className="font-medium">Not done:</span> {a.error || a.job?.error || a.decision_reason || "the action failed"}
        </p>
      )}
      {isAdmin && a.status === "pending" && !deciding && (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => setDeciding("approve")} disabled={sending} data-testid="approval-approve" aria-label={`Approve: ${a.action_label} ${a.resource}`}>
            Approve
          </Button>
          <Button variant="danger" onClick={() => setDeciding("reject")} disabled={sending} data-testid="approval-reject" aria-label={`Reject: ${a.action_label} ${a.resource}`}>
            Reject
          </Button>
        </div>
      )}
      {isAdmin && a.status === "pending" && deciding && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void send(deciding, String(new FormData(e.currentTarget).get("reason") ?? ""));
          }}
          onKeyDown={(e) => e.key === "Escape" && setDeciding(null)}
        >
          <label className="min-w-0 flex-1 basis-48 text-xs">
            <span className="mb-1 block font-medium text-slate-700">Reason (optional)</span>
            <input name="reason" maxLength={1000} autoFocus data-testid="approval-reason" className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600" />
          </label>
          <Button type="submit" variant={deciding === "reject" ? "danger" : "primary"} disabled={sending} data-testid="approval-confirm">
            {deciding === "reject" ? "Confirm reject" : "Confirm approve"}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setDeciding(null)}>
            Cancel
          </Button>
        </form>
      )}
    </li>
  );
}
