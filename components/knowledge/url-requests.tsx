"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import useSWRInfinite from "swr/infinite";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Time } from "@/components/ui/time";
import { ErrorText } from "./error-text";
import { urlRequestPageKey, useRefreshKnowledge } from "./knowledge-keys";
import { TrustBadge } from "./trust-badge";

type Job = { id: number; status: string; progress: number; error: string | null; result: { artifact_id?: number; title?: string } | null };
type Approval = {
  id: number;
  resource: string;
  status: "pending" | "approved" | "rejected" | "executed" | "failed";
  trust_score: number | null;
  requested_by: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  created_at: string;
  job: Job | null;
};
type Page = { items: Approval[]; next_cursor: string | null };

const statusStyle: Record<Approval["status"], string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  approved: "bg-indigo-50 text-indigo-700 ring-indigo-200",
  executed: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  rejected: "bg-slate-100 text-slate-600 ring-slate-200",
  failed: "bg-red-50 text-red-700 ring-red-200",
};

// Approved but not yet carried out: the worker is fetching the page.
const working = (pages: Page[] | undefined) => !!pages?.some((p) => p.items.some((a) => a.status === "approved"));

export function UrlRequests({ isAdmin }: { isAdmin: boolean }) {
  const { data, error, size, setSize, mutate, isValidating } = useSWRInfinite<Page>(urlRequestPageKey, (url: string) => fetchJson<Page>(url), {
    refreshInterval: (pages) => (working(pages) ? 1500 : 0),
  });
  const refresh = useRefreshKnowledge();
  const [problem, setProblem] = useState<string | null>(null);
  const items = data?.flatMap((p) => p.items) ?? [];

  // When a fetch the worker was running finishes, the sources and the tree have changed.
  const busy = working(data);
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !busy) void refresh();
    wasBusy.current = busy;
  }, [busy, refresh]);

  async function decide(id: number, decision: "approve" | "reject", reason = "") {
    setProblem(null);
    try {
      await fetchJson(`/api/governance/approvals/${id}/decision`, { method: "POST", body: JSON.stringify({ decision, reason }) });
    } catch (e) {
      setProblem((e as Error).message);
    }
    await mutate();
    // A quick fetch may already be done before the list shows it as approved.
    if (decision === "approve") await refresh();
  }

  return (
    <section aria-labelledby="url-requests" className="space-y-3">
      <div>
        <h2 id="url-requests" className="text-lg font-semibold">URL requests</h2>
        <p className="text-sm text-slate-600">
          {isAdmin ? "Web pages from sources with a trust score of 40–69 wait here for an admin's decision." : "Your web pages that need an admin's approval, and what was decided."}
        </p>
      </div>
      {problem && <Alert>{problem}</Alert>}
      {error && <Alert>{(error as Error).message}</Alert>}
      {data && items.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">
          No URL requests. Pages from sources that are not trusted enough to add at once appear here.
        </p>
      )}
      <ul className="space-y-2">
        {items.map((a) => (
          <UrlRequestRow key={a.id} approval={a} isAdmin={isAdmin} onDecide={decide} />
        ))}
      </ul>
      <LoadMore list={{ data, size, setSize, isValidating }} />
    </section>
  );
}

function UrlRequestRow({ approval: a, isAdmin, onDecide }: { approval: Approval; isAdmin: boolean; onDecide: (id: number, decision: "approve" | "reject", reason?: string) => Promise<void> }) {
  const [rejecting, setRejecting] = useState(false);
  const [sending, setSending] = useState(false);
  const artifactId = a.job?.result?.artifact_id;

  async function send(decision: "approve" | "reject", reason?: string) {
    setSending(true);
    await onDecide(a.id, decision, reason);
    setSending(false);
  }

  return (
    <li className="space-y-2 rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200">
      <p className="font-mono text-xs break-all text-slate-900">{a.resource}</p>
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
        {a.trust_score !== null && <TrustBadge score={a.trust_score} />}
        <span className={`rounded px-1.5 py-0.5 ring-1 ${statusStyle[a.status]}`}>{a.status}</span>
        <span>
          asked by {a.requested_by ?? "a removed user"} · <Time value={a.created_at} />
        </span>
      </div>
      {a.decided_by && (
        <p className="text-xs text-slate-600">
          {a.status === "rejected" ? "Rejected" : "Approved"} by {a.decided_by}
          {a.status !== "failed" && a.decision_reason ? `: ${a.decision_reason}` : "."}
        </p>
      )}
      {a.status === "approved" && (
        <div className="space-y-1">
          <ProgressBar value={a.job?.progress ? a.job.progress : null} label={`Fetching ${a.resource}`} />
          <p className="text-xs text-slate-500">Fetching the page…</p>
        </div>
      )}
      {a.status === "failed" && (
        <p className="text-xs text-red-700">
          <span className="font-medium">Not added:</span> <ErrorText message={a.decision_reason || a.job?.error || "the fetch failed"} />
        </p>
      )}
      {a.status === "executed" && artifactId && (
        <Link href={`/knowledge/${artifactId}`} className="inline-block text-xs font-medium text-indigo-600 hover:text-indigo-500">
          Open “{a.job?.result?.title ?? "the page"}”
        </Link>
      )}
      {isAdmin && a.status === "pending" && !rejecting && (
        <div className="flex gap-2">
          <Button onClick={() => void send("approve")} disabled={sending} aria-label={`Approve ${a.resource}`}>
            Approve
          </Button>
          <Button variant="danger" onClick={() => setRejecting(true)} disabled={sending} aria-label={`Reject ${a.resource}`}>
            Reject
          </Button>
        </div>
      )}
      {isAdmin && a.status === "pending" && rejecting && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void send("reject", String(new FormData(e.currentTarget).get("reason") ?? ""));
          }}
          onKeyDown={(e) => e.key === "Escape" && setRejecting(false)}
        >
          <label className="min-w-48 flex-1 text-xs">
            <span className="mb-1 block font-medium text-slate-700">Reason for rejecting (optional)</span>
            <input name="reason" maxLength={1000} autoFocus className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600" />
          </label>
          <Button type="submit" variant="danger" disabled={sending}>
            Confirm reject
          </Button>
          <Button type="button" variant="secondary" onClick={() => setRejecting(false)}>
            Cancel
          </Button>
        </form>
      )}
    </li>
  );
}
