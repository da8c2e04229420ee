"use client";

import { useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { useRefreshKnowledge } from "./knowledge-keys";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ScopeFields } from "./scope-fields";

type Result = { status: "ingested" | "duplicate"; artifact_id: number; path: string };

export function KnowledgeIngest() {
  const refresh = useRefreshKnowledge();
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    setPending(true);
    setError(null);
    try {
      const r = await fetchJson<Result>("/api/ingest/text", {
        method: "POST",
        body: JSON.stringify({ title: f.get("title"), content: f.get("content"), domain: f.get("domain") || undefined, visibility: f.get("visibility") }),
      });
      setResult(r);
      if (r.status === "ingested") form.reset();
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="add-knowledge" className="space-y-3">
      <h2 id="add-knowledge" className="text-lg font-semibold">Add knowledge</h2>
      <form onSubmit={submit} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <Input label="Title" id="k-title" name="title" required maxLength={256} />
        <label htmlFor="k-content" className="block">
          <span className="mb-1 block text-sm font-medium text-slate-700">Content</span>
          <textarea id="k-content" name="content" required rows={6} className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600" />
        </label>
        <div className="flex flex-wrap items-end gap-3">
          <ScopeFields idPrefix="k" domainPlaceholder="general" />
          <Button type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add"}
          </Button>
        </div>
      </form>
      {error && <Alert>{error}</Alert>}
      {result && (
        <Alert tone={result.status === "ingested" ? "success" : "info"}>
          {result.status === "ingested" ? `Added as ${result.path}.` : `Already known: the same content is ${result.path}; nothing new was stored.`}
        </Alert>
      )}
    </section>
  );
}
