"use client";

import { useState } from "react";
import useSWR from "swr";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/time";

type Reflection = { id: number; generated_at: string; summary: string; insight: string; confidence: number; scope: string; message_count: number; topics: { topic: string; count: number }[] };

export function ReflectionsFeed() {
  const { data, error } = useSWR<Reflection[]>("/api/reflections/?limit=10", (url: string) => fetchJson<Reflection[]>(url), { refreshInterval: 30_000 });
  const [note, setNote] = useState<string | null>(null);

  async function reflectNow() {
    try {
      await fetchJson("/api/reflections/trigger", { method: "POST", body: "{}" });
      setNote("A reflection cycle is queued; new reflections appear here when it finds something new.");
    } catch (e) {
      setNote((e as Error).message);
    }
  }

  return (
    <section className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-labelledby="reflections">
      <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
        <h2 id="reflections" className="text-sm font-medium text-slate-700">Reflections</h2>
        <Button variant="secondary" onClick={() => void reflectNow()}>
          Reflect now
        </Button>
      </div>
      {note && (
        <div className="px-5 pt-3">
          <Alert tone="info">{note}</Alert>
        </div>
      )}
      {error && (
        <div className="px-5 pt-3">
          <Alert>{(error as Error).message}</Alert>
        </div>
      )}
      {data && data.length === 0 && <p className="px-5 py-6 text-sm text-slate-500">No reflections yet. They appear once there are conversations to reflect on.</p>}
      <ul className="divide-y divide-slate-100">
        {data?.map((r) => (
          <li key={r.id} className="px-5 py-3 text-sm">
            <p className="font-medium text-slate-900">{r.insight}</p>
            <p className="mt-0.5 text-slate-600">{r.summary}</p>
            <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
              <Time value={r.generated_at} />
              <span>· {r.scope === "overall" ? "everyone" : "you"}</span>
              <span className="flex items-center gap-1">
                · confidence
                <span className="inline-block h-1.5 w-16 overflow-hidden rounded-full bg-slate-100" aria-label={`confidence ${Math.round(r.confidence * 100)}%`}>
                  <span className="block h-full bg-indigo-500" style={{ width: `${Math.round(r.confidence * 100)}%` }} />
                </span>
                {Math.round(r.confidence * 100)}%
              </span>
              {r.topics.slice(0, 4).map((t) => (
                <span key={t.topic} className="rounded bg-indigo-50 px-1.5 py-0.5 text-indigo-700">
                  {t.topic} ×{t.count}
                </span>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
