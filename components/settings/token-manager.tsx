"use client";

import { useState } from "react";
import useSWRInfinite from "swr/infinite";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Input } from "@/components/ui/input";
import { Time } from "@/components/ui/time";

type Token = { id: number; name: string; prefix: string; kind: string; created_at: string; last_used_at: string | null; expires_at: string | null };
type Page = { items: Token[]; next_cursor: string | null };

function when(iso: string | null) {
  return iso ? <Time value={iso} /> : "never";
}

export function TokenManager() {
  const { data, error, mutate, size, setSize, isValidating } = useSWRInfinite<Page>(
    (i, prev: Page | null) => (prev && !prev.next_cursor ? null : `/api/tokens?limit=50${prev?.next_cursor ? `&cursor=${prev.next_cursor}` : ""}`),
    (url: string) => fetchJson<Page>(url),
  );
  const tokens = data?.flatMap((p) => p.items) ?? [];
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    setPending(true);
    setFormError(null);
    try {
      const token = await fetchJson<Token & { token: string }>("/api/tokens", { method: "POST", body: JSON.stringify({ name }) });
      setCreated({ name: token.name, token: token.token });
      form.reset();
      await mutate();
    } catch (e) {
      setFormError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  async function revoke(token: Token) {
    if (!window.confirm(`Revoke "${token.name}"? Anything using it stops working at once.`)) return;
    try {
      await fetchJson(`/api/tokens/${token.id}`, { method: "DELETE" });
      await mutate();
    } catch (e) {
      setFormError((e as Error).message);
    }
  }

  return (
    <section className="space-y-4">
      <form onSubmit={create} className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <div className="min-w-64 flex-1">
          <Input label="New token name" id="token-name" name="name" placeholder="e.g. laptop script" required maxLength={100} />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {formError && <Alert>{formError}</Alert>}
      {created && (
        <div role="status" className="rounded-lg bg-emerald-50 p-4 ring-1 ring-emerald-200">
          <p className="text-sm font-medium text-emerald-900">Token “{created.name}” created. Copy it now: it will not be shown again.</p>
          <code data-testid="new-token" className="mt-2 block overflow-x-auto rounded bg-white px-3 py-2 font-mono text-sm ring-1 ring-emerald-200 select-all">
            {created.token}
          </code>
          <div className="mt-2 flex gap-2">
            <Button variant="secondary" type="button" onClick={() => void navigator.clipboard?.writeText(created.token)}>
              Copy
            </Button>
            <Button variant="secondary" type="button" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        </div>
      )}
      {error && <Alert>{(error as Error).message}</Alert>}
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full text-left text-sm">
          <caption className="border-b border-slate-200 px-4 py-3 text-left font-medium text-slate-700">Your tokens</caption>
          <thead className="text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Name</th>
              <th className="px-4 py-2 font-medium">Prefix</th>
              <th className="px-4 py-2 font-medium">Created</th>
              <th className="px-4 py-2 font-medium">Last used</th>
              <th className="px-4 py-2 font-medium">Expires</th>
              <th className="px-4 py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data && tokens.length === 0 && (
              <tr>
                <td colSpan={6} className="px-4 py-6 text-center text-slate-500">
                  No tokens yet. Create one above to call the API with <code>Authorization: Bearer …</code>.
                </td>
              </tr>
            )}
            {tokens.map((t) => (
              <tr key={t.id}>
                <td className="px-4 py-2 font-medium">{t.name}</td>
                <td className="px-4 py-2 font-mono text-slate-600">{t.prefix}…</td>
                <td className="px-4 py-2 text-slate-600">{when(t.created_at)}</td>
                <td className="px-4 py-2 text-slate-600">{when(t.last_used_at)}</td>
                <td className="px-4 py-2 text-slate-600">{when(t.expires_at)}</td>
                <td className="px-4 py-2 text-right">
                  <Button variant="danger" type="button" onClick={() => void revoke(t)} aria-label={`Revoke ${t.name}`}>
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore list={{ data, size, setSize, isValidating }} />
    </section>
  );
}
