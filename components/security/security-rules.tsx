"use client";

import { useState } from "react";
import useSWRInfinite from "swr/infinite";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { fetchPage, SeverityBadge, type Page, type RuleTest, type SecurityRule } from "./hunter-api";
import { NewRuleForm } from "./new-rule-form";

const ACTION_LABEL: Record<string, string> = { log: "logs", alert: "alerts", block: "blocks" };

export function SecurityRules({ isAdmin }: { isAdmin: boolean }) {
  const [target, setTarget] = useState("");
  const list = useSWRInfinite<Page<SecurityRule>>(
    (index, previous: Page<SecurityRule> | null) => (previous && !previous.next_cursor ? null : `/api/hunter/rules?limit=100${target ? `&target=${target}` : ""}${previous ? `&cursor=${previous.next_cursor}` : ""}`),
    (url: string) => fetchPage<SecurityRule>(url),
  );
  const rules = list.data?.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="rules-title" className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="rules-title" className="text-lg font-semibold">
          Rules
        </h2>
        <label className="text-sm text-slate-600">
          Applies to{" "}
          <select value={target} onChange={(e) => setTarget(e.target.value)} className="ml-1 rounded-md py-1 text-sm ring-1 ring-slate-300">
            <option value="">anything</option>
            <option value="chat">chat</option>
            <option value="content">ingested content</option>
            <option value="code">code</option>
            <option value="auth">sign-in</option>
            <option value="request">requests</option>
          </select>
        </label>
      </div>
      <p className="text-sm text-slate-600">
        Patterns are RE2 regular expressions, run in linear time on the first 64 KB of a text; keyword rules take one phrase per line. Threshold rules count failed sign-ins or exported rows in a
        window.
      </p>
      {isAdmin && <NewRuleForm onCreated={() => void list.mutate()} />}
      {list.error && <Alert>{(list.error as Error).message}</Alert>}
      {list.data && rules.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500">No rules {target ? "apply to this" : "yet"}.</p>
      )}
      <ul className="space-y-2">
        {rules.map((r) => (
          <RuleItem key={r.id} rule={r} isAdmin={isAdmin} onChanged={() => void list.mutate()} />
        ))}
      </ul>
      <LoadMore list={list} />
    </section>
  );
}

function RuleItem({ rule: r, isAdmin, onChanged }: { rule: SecurityRule; isAdmin: boolean; onChanged: () => void }) {
  const [enabled, setEnabled] = useState(r.enabled);
  const [problem, setProblem] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);

  async function toggle() {
    const next = !enabled;
    setEnabled(next);
    setProblem(null);
    try {
      await fetchJson(`/api/hunter/rules/${r.id}`, { method: "PATCH", body: JSON.stringify({ enabled: next }) });
      onChanged();
    } catch (e) {
      setEnabled(!next);
      setProblem((e as Error).message);
    }
  }

  return (
    <li className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-center gap-2">
            <span className={`font-medium break-all ${enabled ? "text-slate-900" : "text-slate-500"}`}>{r.name}</span>
            <SeverityBadge severity={r.severity} />
            <span className="text-xs text-slate-500">
              {ACTION_LABEL[r.action] ?? r.action} · {r.targets.join(", ")} · {r.kind}
            </span>
          </p>
          <p className="mt-1 text-sm text-slate-600">{r.description}</p>
          {r.kind === "threshold" ? (
            <p className="mt-1 text-xs text-slate-500">
              {r.threshold} × {r.pattern} within {r.window_seconds} s
            </p>
          ) : (
            <details className="mt-1 text-xs text-slate-500">
              <summary className="cursor-pointer select-none">{r.kind === "keywords" ? "Keywords" : "Pattern"}</summary>
              <pre className="mt-1 rounded bg-slate-50 p-2 font-mono whitespace-pre-wrap [overflow-wrap:anywhere] text-slate-700">{r.pattern}</pre>
            </details>
          )}
        </div>
        <div className="flex items-center gap-2">
          {r.kind !== "threshold" && (
            <Button variant="secondary" aria-expanded={testing} onClick={() => setTesting(!testing)}>
              Test
            </Button>
          )}
          <button
            type="button"
            role="switch"
            aria-checked={enabled}
            aria-label={`${r.name} enabled`}
            disabled={!isAdmin}
            title={isAdmin ? undefined : "Only an admin can turn rules on or off"}
            onClick={() => void toggle()}
            className={`inline-flex h-6 w-11 shrink-0 items-center rounded-full px-0.5 transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${enabled ? "bg-indigo-600" : "bg-slate-300"}`}
          >
            <span aria-hidden className={`h-5 w-5 rounded-full bg-white shadow transition-transform ${enabled ? "translate-x-5" : ""}`} />
          </button>
        </div>
      </div>
      {problem && (
        <div className="mt-2">
          <Alert>{problem}</Alert>
        </div>
      )}
      {testing && <RuleTester rule={r} />}
    </li>
  );
}

function RuleTester({ rule }: { rule: SecurityRule }) {
  const [result, setResult] = useState<RuleTest | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("text") ?? "");
    setBusy(true);
    setProblem(null);
    try {
      setResult(await fetchJson<RuleTest>(`/api/hunter/rules/${rule.id}/test`, { method: "POST", body: JSON.stringify({ text }) }));
    } catch (e) {
      setResult(null);
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={run} className="mt-3 space-y-2 border-t border-slate-100 pt-3">
      <label htmlFor={`test-${rule.id}`} className="block text-sm font-medium text-slate-700">
        Test this rule on a sample (nothing is stored)
      </label>
      <textarea
        id={`test-${rule.id}`}
        name="text"
        rows={3}
        required
        maxLength={100000}
        autoFocus
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
        }}
        className="block w-full rounded-md border-0 px-3 py-2 font-mono text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600"
      />
      <Button type="submit" disabled={busy}>
        {busy ? "Testing…" : "Test"}
      </Button>
      {problem && <Alert>{problem}</Alert>}
      <div aria-live="polite">
        {result &&
          (result.matched ? (
            <div className="space-y-1 text-sm">
              <p className="font-medium text-slate-800">
                {result.matches.length === 1 ? "1 match" : `${result.matches.length} matches`}
                {result.validator ? ` (confirmed by the ${result.validator} check)` : ""}:
              </p>
              <ul className="space-y-1">
                {result.matches.map((m) => (
                  <li key={m.start} className="rounded bg-amber-50 px-2 py-1 font-mono text-xs [overflow-wrap:anywhere] text-amber-900">
                    {m.excerpt}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-slate-600">No match{result.validator ? ` (candidates failing the ${result.validator} check do not count)` : ""}.</p>
          ))}
        {result?.truncated && <p className="text-xs text-slate-500">Only the first 64 KB were scanned.</p>}
      </div>
    </form>
  );
}
