import type { RunStatus } from "./types";

const LABELS: Record<RunStatus, string> = {
  queued: "queued",
  running: "running",
  ok: "ok",
  runtime_error: "runtime error",
  timeout: "timed out",
  memory_limit: "memory limit",
  output_limit: "output limit",
  killed: "stopped",
  failed: "failed",
};

const STYLES: Record<RunStatus, string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-indigo-50 text-indigo-700",
  ok: "bg-emerald-50 text-emerald-800",
  runtime_error: "bg-red-50 text-red-700",
  timeout: "bg-amber-50 text-amber-800",
  memory_limit: "bg-amber-50 text-amber-800",
  output_limit: "bg-amber-50 text-amber-800",
  killed: "bg-slate-100 text-slate-700",
  failed: "bg-red-50 text-red-700",
};

/** A run's status as a small coloured label ("ok", "runtime error", "timed out"…). */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <span className={`inline-flex shrink-0 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STYLES[status] ?? STYLES.failed}`}>{LABELS[status] ?? status}</span>;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
