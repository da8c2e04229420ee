"use client";

import { useState } from "react";
import useSWR from "swr";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type Task = { id: number; title: string; description: string; status: string; priority: string; auto_generated: boolean; created_at: string; completed_at: string | null };

const STATUSES = ["pending", "in_progress", "completed", "cancelled"] as const;
const label = (s: string) => s.replace("_", " ");
const priorityStyle: Record<string, string> = { high: "bg-red-50 text-red-700", medium: "bg-amber-50 text-amber-700", low: "bg-slate-100 text-slate-600" };

export function TaskList() {
  const [filter, setFilter] = useState<string>("");
  const key = `/api/tasks/?limit=100${filter ? `&status=${filter}` : ""}`;
  const { data, error, mutate } = useSWR<Task[]>(key, (url: string) => fetchJson<Task[]>(url));
  const [editing, setEditing] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function send(url: string, method: string, body: unknown) {
    setProblem(null);
    try {
      await fetchJson(url, { method, body: JSON.stringify(body) });
      await mutate();
      return true;
    } catch (e) {
      setProblem((e as Error).message);
      return false;
    }
  }

  // The checkbox and status menu answer at once; the list rolls back if the server refuses.
  async function changeStatus(task: Task, status: string) {
    setProblem(null);
    try {
      await mutate(
        async () => {
          await fetchJson(`/api/tasks/${task.id}`, { method: "PATCH", body: JSON.stringify({ status }) });
          return undefined;
        },
        { optimisticData: (current) => (current ?? []).map((t) => (t.id === task.id ? { ...t, status } : t)), rollbackOnError: true, populateCache: false, revalidate: true },
      );
    } catch (e) {
      setProblem((e as Error).message);
    }
  }

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    if (await send("/api/tasks/", "POST", { title: f.get("title"), description: f.get("description") ?? "", priority: f.get("priority") })) form.reset();
  }

  async function save(event: React.FormEvent<HTMLFormElement>, id: number) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    if (await send(`/api/tasks/${id}`, "PATCH", { title: f.get("title"), description: f.get("description"), priority: f.get("priority") })) setEditing(null);
  }

  return (
    <section aria-labelledby="my-tasks" className="space-y-4">
      <div className="flex items-center justify-between">
        <h2 id="my-tasks" className="text-lg font-semibold">My tasks</h2>
        <label className="text-sm text-slate-600">
          Show{" "}
          <select value={filter} onChange={(e) => setFilter(e.target.value)} className="ml-1 rounded-md py-1 text-sm ring-1 ring-slate-300">
            <option value="">all</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <form onSubmit={create} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <Input label="New task" id="task-title" name="title" placeholder="What needs doing?" required maxLength={256} />
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-48 flex-1">
            <Input label="Details (optional)" id="task-description" name="description" maxLength={10000} />
          </div>
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-700">Priority</span>
            <select name="priority" defaultValue="medium" className="rounded-md py-2 text-sm ring-1 ring-slate-300">
              <option value="low">low</option>
              <option value="medium">medium</option>
              <option value="high">high</option>
            </select>
          </label>
          <Button type="submit">Add task</Button>
        </div>
      </form>
      {problem && <Alert>{problem}</Alert>}
      {error && <Alert>{(error as Error).message}</Alert>}
      {data && data.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500">
          {filter ? `No ${label(filter)} tasks.` : "No tasks yet. Add one above; the learning loop also adds tasks for topics you keep coming back to."}
        </p>
      )}
      <ul className="space-y-2">
        {data?.map((t) => (
          <li key={t.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            {editing === t.id ? (
              <form onSubmit={(e) => save(e, t.id)} className="space-y-2">
                <Input label="Title" id={`title-${t.id}`} name="title" defaultValue={t.title} required maxLength={256} />
                <Input label="Details" id={`description-${t.id}`} name="description" defaultValue={t.description} />
                <select name="priority" defaultValue={t.priority} aria-label="Priority" className="rounded-md py-1 text-sm ring-1 ring-slate-300">
                  <option value="low">low</option>
                  <option value="medium">medium</option>
                  <option value="high">high</option>
                </select>
                <div className="flex gap-2">
                  <Button type="submit">Save</Button>
                  <Button type="button" variant="secondary" onClick={() => setEditing(null)}>
                    Cancel
                  </Button>
                </div>
              </form>
            ) : (
              <div className="flex flex-wrap items-start gap-3">
                <input
                  type="checkbox"
                  aria-label={`Complete ${t.title}`}
                  checked={t.status === "completed"}
                  onChange={(e) => void changeStatus(t, e.target.checked ? "completed" : "pending")}
                  className="mt-1 h-4 w-4 rounded border-slate-300 text-indigo-600"
                />
                <div className="min-w-0 flex-1">
                  <p className={`font-medium ${t.status === "completed" ? "text-slate-400 line-through" : "text-slate-900"}`}>{t.title}</p>
                  {t.description && <p className="mt-0.5 text-sm text-slate-600">{t.description}</p>}
                  <p className="mt-1 flex flex-wrap gap-2 text-xs">
                    <span className={`rounded px-1.5 py-0.5 ${priorityStyle[t.priority]}`}>{t.priority}</span>
                    {t.auto_generated && (
                      // Hunter's alerts for admins are made by Grace too (lib/hunter/record-findings.ts).
                      <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-indigo-700">{t.title.startsWith("Security alert:") ? "from Hunter" : "from the learning loop"}</span>
                    )}
                  </p>
                </div>
                <select
                  aria-label={`Status of ${t.title}`}
                  value={t.status}
                  onChange={(e) => void changeStatus(t, e.target.value)}
                  className="rounded-md py-1 text-sm ring-1 ring-slate-300"
                >
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {label(s)}
                    </option>
                  ))}
                </select>
                <Button variant="secondary" onClick={() => setEditing(t.id)} aria-label={`Edit ${t.title}`}>
                  Edit
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
