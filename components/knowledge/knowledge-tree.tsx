"use client";

import Link from "next/link";
import { useState } from "react";
import useSWR from "swr";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { TREE_KEY, filterHref, useKnowledgeFilter } from "./knowledge-keys";

type Tree = { tree: Record<string, Record<string, unknown[]>>; truncated: boolean };

const itemStyle = "flex min-w-0 flex-1 items-center justify-between gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-100";
const activeStyle = "bg-indigo-50 font-medium text-indigo-700 hover:bg-indigo-50";

function Count({ n }: { n: number }) {
  return <span className="rounded-full bg-slate-100 px-2 text-xs text-slate-600 tabular-nums">{n}</span>;
}

export function KnowledgeTree() {
  const { data, error } = useSWR<Tree>(TREE_KEY, (url: string) => fetchJson<Tree>(url));
  const filter = useKnowledgeFilter();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const domains = Object.entries(data?.tree ?? {}).map(([name, types]) => ({
    name,
    types: Object.entries(types).map(([type, items]) => ({ type, count: items.length })),
    count: Object.values(types).reduce((n, items) => n + items.length, 0),
  }));
  const total = domains.reduce((n, d) => n + d.count, 0);

  return (
    <section aria-labelledby="browse" className="space-y-3">
      <h2 id="browse" className="text-lg font-semibold">Browse</h2>
      {error && <Alert>{(error as Error).message}</Alert>}
      <div className="rounded-lg bg-white p-2 shadow-sm ring-1 ring-slate-200">
        <Link href="/knowledge" scroll={false} aria-current={!filter.domain ? "true" : undefined} className={`${itemStyle} ${!filter.domain ? activeStyle : "text-slate-700"}`}>
          All sources <Count n={total} />
        </Link>
        {data && domains.length === 0 && <p className="px-2 py-3 text-sm text-slate-500">Nothing to browse yet: sources are grouped here by domain and type once you add some.</p>}
        <ul aria-label="Domains" className="max-h-80 overflow-y-auto">
          {domains.map((d) => {
            const expanded = open[d.name] ?? d.name === filter.domain;
            const domainActive = filter.domain === d.name && !filter.type;
            return (
              <li key={d.name}>
                <div className="flex items-center gap-1">
                  <button
                    type="button"
                    aria-expanded={expanded}
                    aria-controls={`types-${d.name}`}
                    aria-label={`${expanded ? "Hide" : "Show"} the types in ${d.name}`}
                    onClick={() => setOpen((o) => ({ ...o, [d.name]: !expanded }))}
                    className="flex h-7 w-7 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100"
                  >
                    <span aria-hidden className={`text-xs transition-transform ${expanded ? "rotate-90" : ""}`}>
                      ▶
                    </span>
                  </button>
                  <Link href={filterHref(d.name)} scroll={false} aria-current={domainActive ? "true" : undefined} className={`${itemStyle} ${domainActive ? activeStyle : "text-slate-800"}`}>
                    <span className="truncate">{d.name}</span> <Count n={d.count} />
                  </Link>
                </div>
                <ul id={`types-${d.name}`} hidden={!expanded} aria-label={`Types in ${d.name}`} className="ml-8 border-l border-slate-200 pl-2">
                  {d.types.map((t) => {
                    const active = filter.domain === d.name && filter.type === t.type;
                    return (
                      <li key={t.type}>
                        <Link href={filterHref(d.name, t.type)} scroll={false} aria-current={active ? "true" : undefined} className={`${itemStyle} ${active ? activeStyle : "text-slate-600"}`}>
                          <span className="truncate">{t.type}</span> <Count n={t.count} />
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ul>
        {data?.truncated && <p className="px-2 pt-2 text-xs text-slate-500">Only the first 5,000 sources are counted here.</p>}
      </div>
    </section>
  );
}
