"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { Time } from "@/components/ui/time";
import { LoadMore } from "@/components/ui/load-more";
import { distinctTitles, groupByDate } from "./titles";

export type Conversation = { id: number; title: string; created_at: string; updated_at: string };
type Page = { items: Conversation[]; next_cursor: string | null };
type Infinite = { data?: Page[]; size: number; setSize: (size: number) => unknown; isValidating?: boolean; isLoading?: boolean; mutate: () => Promise<unknown> };

/**
 * The reader's conversations by last activity, in date groups, each a link to /chat/:id (the
 * open one marked current), renamed or deleted in place; the search box finds words in titles and
 * messages (the parent runs the query).
 */
export function ConversationList({ list, active, query, onQuery, onDeleted }: { list: Infinite; active: number | null; query: string; onQuery: (q: string) => void; onDeleted: (id: number) => void }) {
  const items = useMemo(() => list.data?.flatMap((p) => p.items) ?? [], [list.data]);
  const labels = useMemo(() => distinctTitles(items), [items]);
  const groups = useMemo(() => groupByDate(items), [items]);
  return (
    <>
      <div className="border-b border-slate-200 px-3 pb-3">
        <label htmlFor="chat-search" className="sr-only">
          Search conversations
        </label>
        <input
          id="chat-search"
          type="search"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          placeholder="Search conversations"
          maxLength={200}
          className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
        />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-2">
        {!list.isLoading && items.length === 0 && <p className="px-2 py-4 text-sm text-slate-500">{query.trim() ? "No conversation mentions that." : "No conversations yet."}</p>}
        {groups.map((g) => (
          <section key={g.group} aria-labelledby={`chat-group-${g.group}`} className="mb-3">
            <h2 id={`chat-group-${g.group}`} className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
              {g.group}
            </h2>
            <ul>
              {g.items.map((c) => (
                <Row key={c.id} c={c} label={labels.get(c.id) ?? c.title} current={active === c.id} onChanged={() => void list.mutate()} onDeleted={onDeleted} />
              ))}
            </ul>
          </section>
        ))}
        <div className="px-2">
          <LoadMore list={list} />
        </div>
      </div>
    </>
  );
}

function Row({ c, label, current, onChanged, onDeleted }: { c: Conversation; label: string; current: boolean; onChanged: () => void; onDeleted: (id: number) => void }) {
  const [mode, setMode] = useState<"view" | "rename" | "delete">("view");
  const [title, setTitle] = useState(c.title);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (mode === "rename") input.current?.select();
  }, [mode]);

  async function rename() {
    const next = title.trim();
    if (!next || next === c.title) return setMode("view");
    try {
      await fetchJson(`/api/chat/conversations/${c.id}`, { method: "PATCH", body: JSON.stringify({ title: next }) });
      setProblem(null);
      setMode("view");
      onChanged();
    } catch (e) {
      setProblem((e as Error).message);
    }
  }

  async function remove() {
    try {
      await fetchJson(`/api/chat/conversations/${c.id}`, { method: "DELETE" });
      onDeleted(c.id);
      onChanged();
    } catch (e) {
      setProblem((e as Error).message);
    }
  }

  const small = "inline-flex size-10 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-slate-200 hover:text-slate-700 md:size-8";
  return (
    <li className={`group rounded-md ${current ? "bg-indigo-50" : "hover:bg-slate-100"}`}>
      {mode === "rename" ? (
        <form
          className="flex items-center gap-1 p-1"
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
        >
          <label htmlFor={`rename-${c.id}`} className="sr-only">
            New title
          </label>
          <input
            ref={input}
            id={`rename-${c.id}`}
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.stopPropagation();
                setTitle(c.title);
                setMode("view");
              }
            }}
            className="min-w-0 flex-1 rounded px-2 py-1.5 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
          />
          <button type="submit" className="rounded px-2 py-1.5 text-xs font-medium text-indigo-700 hover:bg-indigo-100">
            Save
          </button>
        </form>
      ) : mode === "delete" ? (
        <div className="flex flex-wrap items-center gap-2 p-2 text-sm" role="group" aria-label={`Delete ${label}?`}>
          <span className="min-w-0 flex-1 text-slate-700">Delete “{label}”?</span>
          <button type="button" className="rounded px-2 py-1 text-xs font-medium text-red-700 ring-1 ring-red-200 hover:bg-red-50" onClick={() => void remove()}>
            Delete
          </button>
          <button type="button" className="rounded px-2 py-1 text-xs text-slate-600 ring-1 ring-slate-300 hover:bg-white" onClick={() => setMode("view")}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="flex items-center">
          <Link href={`/chat/${c.id}`} aria-current={current ? "page" : undefined} className={`min-w-0 flex-1 rounded-md px-3 py-2 text-sm ${current ? "font-medium text-indigo-700" : "text-slate-700"}`} title={c.title}>
            <span className="line-clamp-2 break-words">{label}</span>
            <Time value={c.updated_at} className={`block text-xs font-normal ${current ? "text-slate-600" : "text-slate-500"}`} />
          </Link>
          <button type="button" aria-label={`Rename ${label}`} title="Rename" className={small} onClick={() => setMode("rename")}>
            <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
              <path d="M13.6 3.3a1.5 1.5 0 0 1 2.1 0l1 1a1.5 1.5 0 0 1 0 2.1L8 15.1l-3.6.9.9-3.6 8.3-9.1Z" />
            </svg>
          </button>
          <button type="button" aria-label={`Delete ${label}`} title="Delete" className={small} onClick={() => setMode("delete")}>
            <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
              <path d="M8 2h4a1 1 0 0 1 1 1v1h4v2H3V4h4V3a1 1 0 0 1 1-1Zm-3 6h10l-.8 9.1a1 1 0 0 1-1 .9H6.8a1 1 0 0 1-1-.9L5 8Z" />
            </svg>
          </button>
        </div>
      )}
      {problem && (
        <p role="alert" className="px-3 pb-2 text-xs text-red-700">
          {problem}
        </p>
      )}
    </li>
  );
}
