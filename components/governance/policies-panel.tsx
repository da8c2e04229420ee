"use client";

import { useState } from "react";
import useSWR from "swr";
import { ApiRequestError } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type ActionOption = { name: string; label: string };
type Policy = {
  id: number;
  name: string;
  description: string;
  severity: string;
  decision: "allow" | "review" | "block";
  action_type: string;
  condition_object: Record<string, unknown> | null;
  priority: number;
  enabled: boolean;
};
type Draft = { name: string; description: string; action_type: string; decision: string; severity: string; priority: string; condition: string; enabled: boolean };

const DECISIONS = ["review", "block", "allow"] as const;
const SEVERITIES = ["low", "medium", "high", "critical"] as const;
const decisionStyle: Record<string, string> = {
  allow: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  review: "bg-amber-50 text-amber-800 ring-amber-200",
  block: "bg-red-50 text-red-700 ring-red-200",
};
const CONDITION_HELP =
  'JSON, every part optional (none: every such action). {"resource": "artifact:*", "keywords": ["salary"], "roles": ["user"], "trust_score": {"min": 40, "max": 69}, "time_window": {"days": ["sat", "sun"], "hours": {"from": 18, "to": 8}, "time_zone": "Europe/Paris"}, "rate": {"max": 5, "window_seconds": 3600}}';

/** The policies in the order they are consulted (the list is short: every page is read). */
async function loadPolicies(): Promise<Policy[]> {
  const all: Policy[] = [];
  let cursor: string | null = null;
  do {
    const res: Response = await fetch(`/api/governance/policies?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { headers: { Accept: "application/json" } });
    const body = await res.json().catch(() => null);
    if (!res.ok) throw new ApiRequestError(body?.error?.message ?? `Request failed (${res.status})`, res.status);
    all.push(...(body as Policy[]));
    cursor = res.headers.get("X-Next-Cursor");
  } while (cursor);
  return all;
}

/** A write whose 423 (held by a policy) is news, not a failure: it says which approval to follow. */
async function send(url: string, method: string, body?: unknown): Promise<{ held?: number; fields?: { field: string; message: string }[] }> {
  const res = await fetch(url, { method, headers: { Accept: "application/json", ...(body ? { "Content-Type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const json = await res.json().catch(() => null);
  if (res.status === 423) return { held: json?.approval_id };
  if (res.status === 422) return { fields: json?.error?.fields ?? [{ field: "body", message: json?.error?.message ?? "invalid" }] };
  if (!res.ok) throw new ApiRequestError(json?.error?.message ?? `Request failed (${res.status})`, res.status);
  return {};
}

export function PoliciesPanel({ actions }: { actions: ActionOption[] }) {
  const { data, error, mutate } = useSWR("governance-policies", loadPolicies);
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [notice, setNotice] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = new Map(actions.map((a) => [a.name, a.label]));

  async function run(change: () => Promise<{ held?: number }>) {
    setBusy(true);
    setNotice(null);
    try {
      const { held } = await change();
      if (held) setNotice({ tone: "info", text: `A policy holds this change for another admin: approval #${held} in the queue below.` });
    } catch (e) {
      setNotice({ tone: "error", text: (e as Error).message });
    }
    await mutate();
    setBusy(false);
  }

  // Moving a policy swaps its priority with its neighbour's (or steps past an equal one).
  function move(index: number, by: -1 | 1) {
    const list = data ?? [];
    const p = list[index];
    const other = list[index + by];
    if (!p || !other) return;
    void run(async () => {
      if (other.priority === p.priority) return send(`/api/governance/policies/${p.id}`, "PATCH", { priority: Math.max(0, p.priority + by) });
      const first = await send(`/api/governance/policies/${p.id}`, "PATCH", { priority: other.priority });
      if (first.held) return first;
      return send(`/api/governance/policies/${other.id}`, "PATCH", { priority: p.priority });
    });
  }

  return (
    <section aria-labelledby="policies-heading" className="space-y-3" data-testid="policies-panel">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="policies-heading" className="text-lg font-semibold">Policies</h2>
          <p className="text-sm text-slate-600">The first enabled policy that matches an action decides it, from the top: allow, hold for review, or block. No match allows.</p>
        </div>
        {editing !== "new" && (
          <Button onClick={() => setEditing("new")} data-testid="policy-new">
            New policy
          </Button>
        )}
      </div>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {error && <Alert>{(error as Error).message}</Alert>}
      {editing === "new" && (
        <PolicyForm
          actions={actions}
          onCancel={() => setEditing(null)}
          onSave={async (body) => {
            const r = await send("/api/governance/policies", "POST", body);
            if (!r.fields) {
              setEditing(null);
              await run(async () => r);
            }
            return r;
          }}
        />
      )}
      {data && data.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500" data-testid="policies-empty">
          No policies: every action is allowed. Add one to hold or block an action.
        </p>
      )}
      <ol className="space-y-2">
        {data?.map((p, i) => (
          <li key={p.id} className="min-w-0 rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200" data-testid={`policy-${p.id}`} data-policy-name={p.name} data-enabled={p.enabled}>
            {editing === p.id ? (
              <PolicyForm
                actions={actions}
                policy={p}
                onCancel={() => setEditing(null)}
                onSave={async (body) => {
                  const r = await send(`/api/governance/policies/${p.id}`, "PATCH", body);
                  if (!r.fields) {
                    setEditing(null);
                    await run(async () => r);
                  }
                  return r;
                }}
              />
            ) : (
              <div className="flex flex-wrap items-start gap-3">
                <div className="min-w-0 flex-1 basis-56 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className={`font-medium ${p.enabled ? "text-slate-900" : "text-slate-500"}`}>{p.name}</span>
                    <span className={`rounded px-1.5 py-0.5 text-xs ring-1 ${decisionStyle[p.decision]}`}>{p.decision}</span>
                    <span className="text-xs text-slate-500">{p.severity}</span>
                  </div>
                  <p className="text-xs text-slate-600">
                    {labels.get(p.action_type) ?? p.action_type} <code className="text-slate-600">{p.action_type}</code> · priority {p.priority}
                  </p>
                  {p.description && <p className="text-xs text-slate-500">{p.description}</p>}
                  <p className="font-mono text-xs break-all text-slate-500">{p.condition_object ? JSON.stringify(p.condition_object) : "every such action"}</p>
                </div>
                <div className="flex flex-wrap items-center gap-1">
                  <button
                    type="button"
                    role="switch"
                    aria-checked={p.enabled}
                    aria-label={`${p.enabled ? "Disable" : "Enable"} ${p.name}`}
                    disabled={busy}
                    onClick={() => void run(() => send(`/api/governance/policies/${p.id}`, "PATCH", { enabled: !p.enabled }))}
                    data-testid="policy-toggle"
                    className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors focus:ring-2 focus:ring-indigo-600 focus:ring-offset-2 focus:outline-none disabled:opacity-50 ${p.enabled ? "bg-indigo-600" : "bg-slate-300"}`}
                  >
                    <span className={`inline-block h-5 w-5 transform rounded-full bg-white shadow transition ${p.enabled ? "translate-x-5" : "translate-x-0.5"}`} />
                  </button>
                  <Button variant="secondary" className="px-2" onClick={() => move(i, -1)} disabled={busy || i === 0} aria-label={`Move ${p.name} up`} data-testid="policy-up">
                    ↑
                  </Button>
                  <Button variant="secondary" className="px-2" onClick={() => move(i, 1)} disabled={busy || i === data.length - 1} aria-label={`Move ${p.name} down`} data-testid="policy-down">
                    ↓
                  </Button>
                  <Button variant="secondary" onClick={() => setEditing(p.id)} disabled={busy} aria-label={`Edit ${p.name}`} data-testid="policy-edit">
                    Edit
                  </Button>
                  <Button
                    variant="danger"
                    onClick={() => window.confirm(`Delete the policy “${p.name}”?`) && void run(() => send(`/api/governance/policies/${p.id}`, "DELETE"))}
                    disabled={busy}
                    aria-label={`Delete ${p.name}`}
                    data-testid="policy-delete"
                  >
                    Delete
                  </Button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function PolicyForm({
  actions,
  policy,
  onSave,
  onCancel,
}: {
  actions: ActionOption[];
  policy?: Policy;
  onSave: (body: Record<string, unknown>) => Promise<{ fields?: { field: string; message: string }[] }>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>({
    name: policy?.name ?? "",
    description: policy?.description ?? "",
    action_type: policy?.action_type ?? actions[0]?.name ?? "",
    decision: policy?.decision ?? "review",
    severity: policy?.severity ?? "medium",
    priority: String(policy?.priority ?? 100),
    condition: policy?.condition_object ? JSON.stringify(policy.condition_object, null, 2) : "",
    enabled: policy?.enabled ?? true,
  });
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const set = (k: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setDraft({ ...draft, [k]: e.target instanceof HTMLInputElement && e.target.type === "checkbox" ? e.target.checked : e.target.value });
  const id = policy ? `policy-${policy.id}` : "policy-new";
  const input = "block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600";

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    let condition: unknown = {};
    if (draft.condition.trim()) {
      try {
        condition = JSON.parse(draft.condition);
      } catch {
        setErrors([{ field: "body.condition", message: "is not valid JSON" }]);
        return;
      }
    }
    setSaving(true);
    const r = await onSave({ name: draft.name, description: draft.description, action_type: draft.action_type, decision: draft.decision, severity: draft.severity, priority: Number(draft.priority), condition, enabled: draft.enabled });
    setSaving(false);
    setErrors(r.fields ?? []);
  }

  return (
    <form onSubmit={submit} onKeyDown={(e) => e.key === "Escape" && onCancel()} className="grid min-w-0 gap-3 rounded-lg bg-white p-3 ring-1 ring-indigo-200 sm:grid-cols-2" data-testid="policy-form" aria-label={policy ? `Edit ${policy.name}` : "New policy"}>
      <label className="block text-xs sm:col-span-2">
        <span className="mb-1 block font-medium text-slate-700">Name</span>
        <input id={`${id}-name`} required maxLength={128} value={draft.name} onChange={set("name")} className={input} data-testid="policy-name" autoFocus />
        <FieldErrors errors={errors} name="name" />
      </label>
      <label className="block text-xs">
        <span className="mb-1 block font-medium text-slate-700">Action</span>
        <select value={draft.action_type} onChange={set("action_type")} className={input} data-testid="policy-action-type">
          {actions.map((a) => (
            <option key={a.name} value={a.name}>
              {a.label} ({a.name})
            </option>
          ))}
        </select>
        <FieldErrors errors={errors} name="action_type" />
      </label>
      <label className="block text-xs">
        <span className="mb-1 block font-medium text-slate-700">Decision</span>
        <select value={draft.decision} onChange={set("decision")} className={input} data-testid="policy-decision">
          {DECISIONS.map((d) => (
            <option key={d} value={d}>
              {d === "review" ? "review (hold for an admin)" : d}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-xs">
        <span className="mb-1 block font-medium text-slate-700">Severity</span>
        <select value={draft.severity} onChange={set("severity")} className={input} data-testid="policy-severity">
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label className="block text-xs">
        <span className="mb-1 block font-medium text-slate-700">Priority (lower is consulted first)</span>
        <input type="number" min={0} max={1000000} step={1} value={draft.priority} onChange={set("priority")} className={input} data-testid="policy-priority" />
        <FieldErrors errors={errors} name="priority" />
      </label>
      <label className="block text-xs sm:col-span-2">
        <span className="mb-1 block font-medium text-slate-700">Description</span>
        <input maxLength={1000} value={draft.description} onChange={set("description")} className={input} data-testid="policy-description" />
      </label>
      <label className="block text-xs sm:col-span-2">
        <span className="mb-1 block font-medium text-slate-700">Condition</span>
        <textarea rows={4} value={draft.condition} onChange={set("condition")} placeholder='{"keywords": ["deploy"]}' className={`${input} font-mono`} data-testid="policy-condition" aria-describedby={`${id}-help`} />
        <span id={`${id}-help`} className="mt-1 block break-words text-slate-500">
          {CONDITION_HELP}
        </span>
        <FieldErrors errors={errors} name="condition" />
      </label>
      <label className="flex items-center gap-2 text-xs">
        <input type="checkbox" checked={draft.enabled} onChange={set("enabled")} data-testid="policy-enabled" />
        <span className="font-medium text-slate-700">Enabled</span>
      </label>
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button type="submit" disabled={saving} data-testid="policy-save">
          {saving ? "Saving…" : "Save policy"}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {errors.some((f) => !["name", "action_type", "priority", "condition"].some((n) => f.field === `body.${n}` || f.field.startsWith(`body.${n}.`))) && (
        <div className="sm:col-span-2">
          <Alert>{errors.map((f) => `${f.field.replace(/^body\./, "")}: ${f.message}`).join("; ")}</Alert>
        </div>
      )}
    </form>
  );
}

/** The 422's messages for one field (and the parts inside it: condition.trust_score.min). */
function FieldErrors({ errors, name }: { errors: { field: string; message: string }[]; name: string }) {
  return errors
    .filter((f) => f.field === `body.${name}` || f.field.startsWith(`body.${name}.`))
    .map((f) => (
      <span key={f.field} className="mt-1 block text-xs text-red-700">
        {f.field.replace(/^body\./, "")}: {f.message}
      </span>
    ));
}
