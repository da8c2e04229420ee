"use client";

import Link from "next/link";
import useSWRInfinite from "swr/infinite";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { LoadMore } from "@/components/ui/load-more";
import { Time } from "@/components/ui/time";
import { useArtifactPageKey, useKnowledgeFilter } from "./knowledge-keys";
import { TrustBadge } from "./trust-badge";

type Artifact = { id: number; title: string; path: string; type: string; domain: string; source: string; visibility: string; trust_score: number; status: string; size_bytes: number; created_at: string };
type Page = { items: Artifact[]; next_cursor: string | null };

export function KnowledgeList() {
  const { domain, type } = useKnowledgeFilter();
  const getKey = useArtifactPageKey();
  const { data, error, size, setSize, isValidating } = useSWRInfinite<Page>(getKey, (url: string) => fetchJson<Page>(url));
  const items = data?.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="sources" className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id="sources" className="text-lg font-semibold">Sources</h2>
        {domain && (
          <p className="text-sm text-slate-600">
            in <span className="font-medium text-slate-900">{type ? `${domain} / ${type}` : domain}</span> ·{" "}
            <Link href="/knowledge" scroll={false} className="font-medium text-indigo-600 hover:text-indigo-500">
              All sources
            </Link>
          </p>
        )}
      </div>
      {error && <Alert>{(error as Error).message}</Alert>}
      {data && items.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500">
          {domain ? "Nothing here any more. Pick another part of the tree, or show all sources." : "No knowledge yet. Add text, a web page or files; it becomes searchable at once."}
        </p>
      )}
      <ul className="space-y-2">
        {items.map((a) => (
          <li key={a.id} className="rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/knowledge/${a.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                {a.title}
              </Link>
              <TrustBadge score={a.trust_score} />
              {a.visibility === "private" && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">private</span>}
              {a.status !== "approved" && <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800">{a.status}</span>}
            </div>
            <p className="mt-1 font-mono text-xs text-slate-500">
              <span className="break-all">{a.path}</span> ·{" "}
              <span className="whitespace-nowrap">
                {a.source} · {a.size_bytes < 1024 ? `${a.size_bytes} B` : `${(a.size_bytes / 1024).toFixed(1)} KB`} · <Time value={a.created_at} />
              </span>
            </p>
          </li>
        ))}
      </ul>
      <LoadMore list={{ data, size, setSize, isValidating }} />
    </section>
  );
}
