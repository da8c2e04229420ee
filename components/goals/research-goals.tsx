"use client";

import Link from "next/link";
import { useState } from "react";
import useSWR from "swr";
import useSWRInfinite from "swr/infinite";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { Time } from "@/components/ui/time";

type Goal = { id: number; question: string; status: "open" | "answered" | "dismissed"; created_at: string; answered_at: string | null };
type Page = { items: Goal[]; next_cursor: string | null };
type Recheck = { checked: number; answered: number[] };

const key = (index: number, previous: Page | null) => {
  if (previous && !previous.next_cursor) return null;
  return `/api/goals/research?limit=20${previous?.next_cursor ? `&cursor=${previous.next_cursor}` : ""}`;
};

const badge: Record<Goal["status"], string> = {
  open: "bg-amber-50 text-amber-800 ring-amber-200",
  answered: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  dismissed: "bg-slate-100 text-slate-600 ring-slate-200",
};

export function ResearchGoals() {
  const list = useSWRInfinite<Page>(key, (url: string) => fetchJson<Page>(url));
  const { data, error, mutate } = list;
  const items = data?.flatMap((p) => p.items) ?? [];
  const [checking, setChecking] = useState(false);
  const [notice, setNotice] = useState<{ tone: "error" | "success" | "info"; text: string } | null>(null);
  const answeredNow = (r: Recheck) => ({ tone: "success" as const, text: `${r.answered.length} question${r.answered.length === 1 ? " is" : "s are"} now answered by your sources.` });

  // Opening the page asks the open questions again (knowledge others shared may answer them now).
  const opened = useSWR<Recheck>("/api/goals/research/recheck", (url: string) => fetchJson<Recheck>(url, { method: "POST" }), {
    revalidateOnFocus: false,
    revalidateIfStale: false,
    revalidateOnReconnect: false,
    onSuccess: (r) => {
      if (r.answered.length) void mutate();
    },
  });

  async function recheck() {
    setChecking(true);
    setNotice(null);
    try {
      const r = await fetchJson<Recheck>("/api/goals/research/recheck", { method: "POST" });
      setNotice(r.answered.length ? answeredNow(r) : { tone: "info", text: r.checked ? "No source answers the open questions yet." : "There are no open questions to check." });
      await mutate();
    } catch (e) {
      setNotice({ tone: "error", text: (e as Error).message });
    } finally {
      setChecking(false);
    }
  }
  const shown = notice ?? (opened.data?.answered.length ? answeredNow(opened.data) : null);

  async function dismiss(goal: Goal) {
    setNotice(null);
    try {
      await fetchJson(`/api/goals/${goal.id}`, { method: "PATCH", body: JSON.stringify({ status: goal.status === "dismissed" ? "active" : "abandoned" }) });
      await mutate();
    } catch (e) {
      setNotice({ tone: "error", text: (e as Error).message });
    }
  }

  return (
    <section aria-labelledby="research-goals" className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="research-goals" className="text-lg font-semibold">
          Questions to research
        </h2>
        <Button variant="secondary" onClick={() => void recheck()} disabled={checking} className="ml-auto">
          {checking ? "Checking…" : "Check again"}
        </Button>
        <Link href="/knowledge#add-knowledge" className="inline-flex min-h-10 items-center rounded-md bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-500">
          Add a source
        </Link>
      </div>
      {shown && <Alert tone={shown.tone}>{shown.text}</Alert>}
      {error && <Alert>{(error as Error).message}</Alert>}
      {data && items.length === 0 && (
        <EmptyState title="No open questions">When Grace cannot answer something you ask in Chat, the question is kept here until a source answers it.</EmptyState>
      )}
      <ul className="space-y-2">
        {items.map((g) => (
          <li key={g.id} className="rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200" data-testid="research-goal">
            <div className="flex flex-wrap items-start gap-3">
              <p className={`min-w-0 flex-1 font-medium break-words ${g.status === "dismissed" ? "text-slate-500" : "text-slate-900"}`}>{g.question}</p>
              <span className={`rounded px-1.5 py-0.5 text-xs ring-1 ${badge[g.status]}`}>{g.status}</span>
            </div>
            <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
              <span>
                asked <Time value={g.created_at} />
              </span>
              {g.answered_at && (
                <span>
                  answered <Time value={g.answered_at} />
                </span>
              )}
              {g.status === "answered" ? (
                <Link href="/chat" className="font-medium text-indigo-600 hover:text-indigo-500">
                  Ask it in Chat
                </Link>
              ) : (
                <>
                  {g.status === "open" && (
                    <Link href="/knowledge#add-knowledge" className="font-medium text-indigo-600 hover:text-indigo-500">
                      Add a source for it
                    </Link>
                  )}
                  <button type="button" onClick={() => void dismiss(g)} className="font-medium text-slate-600 underline-offset-2 hover:underline">
                    {g.status === "dismissed" ? "Reopen" : "Dismiss"}
                    <span className="sr-only">: {g.question}</span>
                  </button>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
      <LoadMore list={list} />
    </section>
  );
}
