"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useRefreshSources } from "./knowledge-keys";

export function ArtifactDelete({ id, title }: { id: number; title: string }) {
  const router = useRouter();
  const refreshSources = useRefreshSources();
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setDeleting(true);
    setError(null);
    try {
      await fetchJson(`/api/knowledge/artifacts/${id}`, { method: "DELETE" });
      await refreshSources();
      router.push("/knowledge");
    } catch (e) {
      setError((e as Error).message);
      setDeleting(false);
    }
  }

  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete
      </Button>
    );
  }
  return (
    <div role="group" aria-label="Confirm deletion" className="w-full space-y-2 rounded-lg bg-red-50 p-3 text-sm ring-1 ring-red-200" onKeyDown={(e) => e.key === "Escape" && setConfirming(false)}>
      <p className="text-red-900">Delete “{title}”? It leaves search, lists and answers at once; the audit log keeps the record.</p>
      <div className="flex gap-2">
        <Button variant="danger" onClick={() => void remove()} disabled={deleting} autoFocus>
          {deleting ? "Deleting…" : "Delete for good"}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)} disabled={deleting}>
          Cancel
        </Button>
      </div>
      {error && <Alert>{error}</Alert>}
    </div>
  );
}
