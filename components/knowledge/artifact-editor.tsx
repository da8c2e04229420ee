"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ArtifactDelete } from "./artifact-delete";
import { useRefreshSources } from "./knowledge-keys";

type Version = { version: number; content: string };

/** Edit and Delete for the owner or an admin; while editing, the form takes the content's place. */
export function ArtifactEditor({ id, title, version, children }: { id: number; title: string; version: number; children: React.ReactNode }) {
  const router = useRouter();
  const refreshSources = useRefreshSources();
  const [current, setCurrent] = useState<Version | null>(null);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function open() {
    setEditing(true);
    setSaved(null);
    setError(null);
    try {
      // The stored text, not the passages: chunking may have split or trimmed it.
      setCurrent(await fetchJson<Version>(`/api/knowledge/artifacts/${id}/versions/${version}`));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const newTitle = String(f.get("title") ?? "").trim();
    const content = String(f.get("content") ?? "");
    const changes = { ...(newTitle !== title ? { title: newTitle } : {}), ...(current && content !== current.content ? { content } : {}) };
    if (Object.keys(changes).length === 0) return setError("Nothing changed: edit the title or the content first.");
    setSaving(true);
    setError(null);
    try {
      const updated = await fetchJson<{ version: number }>(`/api/knowledge/artifacts/${id}`, {
        method: "PATCH",
        body: JSON.stringify({ ...changes, reason: String(f.get("reason") ?? "").trim() || undefined }),
      });
      setEditing(false);
      setCurrent(null);
      setSaved(updated.version !== version ? `Saved as version ${updated.version}.` : "Saved.");
      router.replace(`/knowledge/${id}`, { scroll: false });
      router.refresh();
      await refreshSources();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="space-y-3">
      {!editing && (
        <div className="flex flex-wrap items-start gap-2">
          <Button variant="secondary" onClick={() => void open()}>
            Edit
          </Button>
          <ArtifactDelete id={id} title={title} />
        </div>
      )}
      {saved && <Alert tone="success">{saved}</Alert>}
      {editing ? (
        <form onSubmit={save} aria-label="Edit source" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <Input label="Title" id="e-title" name="title" required maxLength={256} defaultValue={title} autoFocus />
          {current ? (
            <label htmlFor="e-content" className="block">
              <span className="mb-1 block text-sm font-medium text-slate-700">Content</span>
              <textarea
                id="e-content"
                name="content"
                required
                rows={Math.min(24, Math.max(6, current.content.split("\n").length + Math.ceil(current.content.length / 90)))}
                defaultValue={current.content}
                className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600"
              />
            </label>
          ) : (
            !error && <p className="text-sm text-slate-500" role="status">Loading the current text…</p>
          )}
          <Input label="Reason for the change" id="e-reason" name="reason" maxLength={500} placeholder="e.g. corrected the opening hours" />
          <p className="text-xs text-slate-500">New content becomes version {version + 1}; the earlier versions stay readable.</p>
          {error && <Alert>{error}</Alert>}
          <div className="flex gap-2">
            <Button type="submit" disabled={saving || !current}>
              {saving ? "Saving…" : "Save"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setEditing(false)} disabled={saving}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        children
      )}
    </div>
  );
}
