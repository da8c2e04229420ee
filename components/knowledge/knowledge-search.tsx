"use client";

import Link from "next/link";
import { useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TrustBadge } from "./trust-badge";

type Hit = { chunk_id: number; artifact_id: number; title: string; path: string; trust_score: number; snippet: string; score: number };

export function KnowledgeSearch() {
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = String(new FormData(event.currentTarget).get("query") ?? "");
    setError(null);
    try {
      setHits((await fetchJson<{ results: Hit[] }>("/api/knowledge/search", { method: "POST", body: JSON.stringify({ query, limit: 10 }) })).results);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="search-knowledge" className="space-y-3">
      <h2 id="search-knowledge" className="text-lg font-semibold">Search</h2>
      <form onSubmit={submit} role="search" className="flex gap-2">
        <label htmlFor="k-query" className="sr-only">
          Search knowledge
        </label>
        <input id="k-query" name="query" required placeholder="What are you looking for?" className="min-w-0 flex-1 rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600" />
        <Button type="submit">Search</Button>
      </form>
      {error && <Alert>{error}</Alert>}
      {hits && hits.length === 0 && <p className="text-sm text-slate-500">Nothing matches. Try other words, or add the knowledge first.</p>}
      <ul className="space-y-2">
        {hits?.map((h) => (
          <li key={h.chunk_id} className="rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200">
            <div className="flex flex-wrap items-center gap-2">
              {/* Straight to the passage, highlighted on the source's page. */}
              <Link href={`/knowledge/${h.artifact_id}#passage-${h.chunk_id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
                {h.title}
              </Link>
              <TrustBadge score={h.trust_score} />
              <span className="ml-auto font-mono text-xs break-all text-slate-500">{h.path}</span>
            </div>
            {/* The API escapes the passage; only its <mark> highlights are markup. */}
            <p className="mt-1 text-slate-700 [&_mark]:rounded [&_mark]:bg-yellow-100 [&_mark]:px-0.5" dangerouslySetInnerHTML={{ __html: h.snippet }} />
          </li>
        ))}
      </ul>
    </section>
  );
}
