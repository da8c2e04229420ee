"use client";

import { useEffect, useRef, useState } from "react";
import { ApiRequestError, fetchJson } from "@/components/fetch-json";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import { checkEntryProof, type EntryProofInput, type ProofOutcome } from "./check-proof";

type EntryDetailData = EntryProofInput["entry"] & {
  timestamp: string;
  actor: string;
  action: string;
  resource: string;
  subsystem: string;
  result: string;
  payload: unknown;
  entry_hash: string;
  prev_hash: string;
  leaf_hash: string;
  signature_status: "valid" | "invalid" | "unsigned" | "unknown_key";
  hash_valid: boolean;
};

type State =
  | { step: "loading" }
  | { step: "error"; message: string }
  | { step: "ready"; entry: EntryDetailData; proof: "no-head" | "not-covered" | ProofOutcome; head: EntryProofInput["head"] | null };

const SIGNATURE_TEXT = {
  valid: "valid (Ed25519, this log's key)",
  invalid: "INVALID: not signed by this log's key",
  unsigned: "unsigned (written before signing began)",
  unknown_key: "signed by another key",
};

/** One entry, its signature, and its inclusion proof checked here in the browser against the latest signed tree head. */
export function EntryDetail({ sequence, onClose }: { sequence: number; onClose: () => void }) {
  const [state, setState] = useState<State>({ step: "loading" });
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    panelRef.current?.querySelector<HTMLButtonElement>("button")?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  useEffect(() => {
    let live = true;
    (async () => {
      setState({ step: "loading" });
      try {
        const [entry, head, publicKey] = await Promise.all([
          fetchJson<EntryDetailData>(`/api/log/entries/${sequence}`),
          fetchJson<EntryProofInput["head"]>("/api/log/tree-heads/latest").catch((e) => {
            if (e instanceof ApiRequestError && e.status === 404) return null;
            throw e;
          }),
          fetchJson<EntryProofInput["publicKey"]>("/api/log/public-key"),
        ]);
        if (!head) return live && setState({ step: "ready", entry, proof: "no-head", head });
        if (head.tree_size < sequence) return live && setState({ step: "ready", entry, proof: "not-covered", head });
        const proof = await fetchJson<EntryProofInput["proof"]>(`/api/log/proof/inclusion?sequence=${sequence}&tree_size=${head.tree_size}`);
        const outcome = await checkEntryProof({ entry, proof, head, publicKey });
        if (live) setState({ step: "ready", entry, proof: outcome, head });
      } catch (e) {
        if (live) setState({ step: "error", message: (e as Error).message });
      }
    })();
    return () => {
      live = false;
    };
  }, [sequence]);

  return (
    <aside
      role="dialog"
      aria-modal="false"
      aria-labelledby="entry-detail-title"
      ref={panelRef}
      data-testid="entry-detail"
      className="fixed inset-y-0 right-0 z-40 w-full max-w-xl overflow-y-auto bg-white p-6 shadow-xl ring-1 ring-slate-200"
    >
      <div className="mb-4 flex items-start justify-between gap-4">
        <h2 id="entry-detail-title" className="text-lg font-semibold text-slate-900">
          Entry #{sequence}
        </h2>
        <Button variant="secondary" onClick={onClose} aria-label="Close the entry">
          Close
        </Button>
      </div>
      {state.step === "loading" && <p className="text-sm text-slate-500">Loading the entry and checking its proof…</p>}
      {state.step === "error" && (
        <p role="alert" data-testid="proof-status" data-status="error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {state.message}
        </p>
      )}
      {state.step === "ready" && <Ready {...state} />}
    </aside>
  );
}

function Ready({ entry, proof, head }: Extract<State, { step: "ready" }>) {
  const status =
    proof === "no-head"
      ? { tone: "info", key: "no-head", text: "No signed tree head has been published yet, so there is nothing to check this entry against. The worker publishes one within a minute of the log growing." }
      : proof === "not-covered"
        ? { tone: "info", key: "not-covered", text: `Not yet covered by a signed tree head: the latest, #${head!.tree_size}, ends before entry #${entry.sequence}. The next head is published within a minute.` }
        : proof.ok
          ? { tone: "success", key: "verified", text: `${proof.message} (checked in this browser with ${proof.engine}).` }
          : { tone: "error", key: "failed", text: `Proof FAILED: ${proof.message}.` };
  const tones = { success: "bg-emerald-50 text-emerald-800 ring-emerald-200", error: "bg-red-50 text-red-800 ring-red-200", info: "bg-sky-50 text-sky-800 ring-sky-200" };
  const browserSignature = typeof proof === "object" ? proof.entrySignature : null;
  return (
    <div className="space-y-4 text-sm">
      <p role={status.tone === "error" ? "alert" : "status"} data-testid="proof-status" data-status={status.key} className={`rounded-md px-3 py-2 ring-1 ${tones[status.tone as keyof typeof tones]}`}>
        {status.text}
      </p>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500">Time</dt>
        <dd><Time value={entry.timestamp} /></dd>
        <dt className="text-slate-500">Actor</dt>
        <dd>{entry.actor}</dd>
        <dt className="text-slate-500">Action</dt>
        <dd className="font-medium">{entry.action}</dd>
        <dt className="text-slate-500">Resource</dt>
        <dd>{entry.resource}</dd>
        <dt className="text-slate-500">Subsystem</dt>
        <dd>{entry.subsystem}</dd>
        <dt className="text-slate-500">Result</dt>
        <dd>{entry.result}</dd>
        <dt className="text-slate-500">Signature</dt>
        <dd data-testid="entry-signature-status" data-status={browserSignature ?? entry.signature_status}>
          {SIGNATURE_TEXT[browserSignature ?? entry.signature_status]}
          {browserSignature ? " — checked in this browser" : ""}
        </dd>
        <dt className="text-slate-500">Entry hash</dt>
        <dd className="font-mono text-xs break-all" data-testid="entry-hash">
          {entry.entry_hash} {entry.hash_valid ? "" : "(does NOT match the entry)"}
        </dd>
        <dt className="text-slate-500">Leaf hash</dt>
        <dd className="font-mono text-xs break-all">{entry.leaf_hash}</dd>
        {head && (
          <>
            <dt className="text-slate-500">Signed head</dt>
            <dd className="font-mono text-xs break-all" data-testid="proof-head">
              #{head.tree_size} · root {head.root_hash} · key {head.key_id} · <Time value={head.timestamp} />
            </dd>
          </>
        )}
      </dl>
      <div>
        <h3 className="mb-1 font-medium text-slate-700">Payload</h3>
        <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-3 text-xs">{JSON.stringify(entry.payload, null, 2)}</pre>
      </div>
    </div>
  );
}
