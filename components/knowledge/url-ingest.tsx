"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ScopeFields } from "./scope-fields";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ErrorText } from "./error-text";
import { useRefreshKnowledge } from "./knowledge-keys";

type Outcome =
  | { status: "ingested" | "duplicate"; artifact_id: number; title: string; trust_score: number }
  | { status: "pending_approval"; approval_id: number; trust_score: number }
  | { status: "queued"; job_id: number; trust_score: number }
  /** `url`: the page that could not be added (its message says why, after the address). */
  | { status: "error"; message: string; url?: string };

// fetchJson would keep only the joined message; a refused URL reads better as its field's own words.
async function requestUrl(body: { url: string; domain?: string; visibility: string }): Promise<Outcome> {
  const res = await fetch("/api/ingest/url", { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body) });
  const json = await res.json().catch(() => null);
  if (res.ok) return json as Outcome;
  const field = json?.error?.fields?.find((f: { field: string }) => f.field === "body.url");
  // A failed fetch's message may start with the address itself: it is said once, above it.
  if (field) return { status: "error", message: field.message.startsWith(body.url) ? field.message.slice(body.url.length).replace(/^[:\s]+/, "") : field.message, url: body.url };
  return { status: "error", message: json?.error?.message ?? `The request failed (${res.status})` };
}

function Elapsed() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span className="tabular-nums">{seconds} s</span>;
}

export function UrlIngest() {
  const refresh = useRefreshKnowledge();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    setPending(true);
    setOutcome(null);
    try {
      const result = await requestUrl({ url: String(f.get("url")), domain: String(f.get("domain") || "") || undefined, visibility: String(f.get("visibility")) });
      setOutcome(result);
      if (result.status !== "error") form.reset();
    } catch {
      setOutcome({ status: "error", message: "Grace could not be reached: check your connection and try again." });
    } finally {
      setPending(false);
      await refresh({ requests: true });
    }
  }

  return (
    <section aria-labelledby="add-web-page" className="space-y-3">
      <h2 id="add-web-page" className="text-lg font-semibold">Add a web page</h2>
      <form onSubmit={submit} aria-busy={pending} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <Input label="URL" id="u-url" name="url" type="url" required maxLength={2048} placeholder="https://example.org/article" />
        <div className="flex flex-wrap items-end gap-3">
          <ScopeFields idPrefix="u" domainPlaceholder="web" />
          <Button type="submit" disabled={pending}>
            {pending ? "Fetching…" : "Add page"}
          </Button>
        </div>
        <p className="text-xs text-slate-500">Trusted sources are added at once; others wait for an admin&apos;s approval, and untrusted ones are refused.</p>
        {pending && (
          <div className="space-y-1" role="status">
            <ProgressBar value={null} label="Fetching the page" />
            <p className="text-xs text-slate-500">
              Fetching… <Elapsed />
            </p>
          </div>
        )}
      </form>
      {outcome && <OutcomeMessage outcome={outcome} />}
    </section>
  );
}

const linkStyle = "font-medium underline underline-offset-2";

function OutcomeMessage({ outcome: o }: { outcome: Outcome }) {
  switch (o.status) {
    case "ingested":
      return (
        <Alert tone="success">
          Added “{o.title}” (trust score {o.trust_score}).{" "}
          <Link href={`/knowledge/${o.artifact_id}`} className={linkStyle}>
            Open it
          </Link>
        </Alert>
      );
    case "duplicate":
      return (
        <Alert tone="info">
          Already known: this page&apos;s content is stored as “{o.title}”; nothing new was stored.{" "}
          <Link href={`/knowledge/${o.artifact_id}`} className={linkStyle}>
            Open it
          </Link>
        </Alert>
      );
    case "pending_approval":
      return <Alert tone="info">Held for an admin&apos;s review: trust score {o.trust_score}. It is listed under URL requests.</Alert>;
    case "queued":
      return (
        <Alert tone="info">
          Still fetching in the background.{" "}
          <Link href="/tasks" className={linkStyle}>
            Follow it on Tasks
          </Link>
        </Alert>
      );
    default:
      return (
        <Alert>
          {o.url && <span className="block font-medium break-all">Could not add {o.url}</span>}
          <ErrorText message={o.message} />
        </Alert>
      );
  }
}
