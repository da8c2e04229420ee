"use client";

import { useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

const TARGETS = [
  ["chat", "chat"],
  ["content", "ingested content"],
  ["code", "code"],
] as const;
const select = "rounded-md py-2 text-sm ring-1 ring-slate-300";

/** An admin's own text rule (regex or keywords); threshold rules come seeded. */
export function NewRuleForm({ onCreated }: { onCreated: () => void }) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    setProblem(null);
    try {
      await fetchJson("/api/hunter/rules", {
        method: "POST",
        body: JSON.stringify({
          name: f.get("name"),
          description: f.get("description") ?? "",
          target: f.getAll("target"),
          kind: f.get("kind"),
          pattern: f.get("pattern"),
          severity: f.get("severity"),
          action: f.get("action"),
        }),
      });
      form.reset();
      setOpen(false);
      onCreated();
    } catch (e) {
      setProblem((e as Error).message);
    }
  }

  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        New rule…
      </Button>
    );
  return (
    <form onSubmit={create} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <Input label="Name" id="rule-name" name="name" required maxLength={64} placeholder="pii.employee_id" />
      <Input label="Description" id="rule-description" name="description" maxLength={500} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Applies to</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {TARGETS.map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input type="checkbox" name="target" value={value} defaultChecked={value !== "code"} className="h-4 w-4 rounded border-slate-300 text-indigo-600" />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor="rule-pattern" className="block">
        <span className="mb-1 block text-sm font-medium text-slate-700">Pattern (RE2), or keywords one per line</span>
        <textarea id="rule-pattern" name="pattern" required rows={3} maxLength={10000} className="block w-full rounded-md border-0 px-3 py-2 font-mono text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600" />
      </label>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Kind</span>
          <select name="kind" defaultValue="regex" className={select}>
            <option value="regex">regex</option>
            <option value="keywords">keywords</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Severity</span>
          <select name="severity" defaultValue="medium" className={select}>
            {["low", "medium", "high", "critical"].map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">On a match</span>
          <select name="action" defaultValue="alert" className={select}>
            <option value="log">log it</option>
            <option value="alert">alert</option>
            <option value="block">block</option>
          </select>
        </label>
      </div>
      {problem && <Alert>{problem}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Add rule</Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
