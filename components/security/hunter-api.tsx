// The Security page's calls: the alert and rule lists are the earlier API's bare arrays, with
// the next page's cursor in the X-Next-Cursor header.
import { ApiRequestError } from "@/components/fetch-json";

export type SecurityAlert = {
  id: number;
  timestamp: string;
  severity: string;
  rule: string;
  target: string;
  actor: string;
  resource: string;
  details: string;
  status: string;
  outcome: string;
  task_id: number | null;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
};

export type SecurityRule = {
  id: number;
  name: string;
  description: string;
  severity: string;
  enabled: boolean;
  pattern: string;
  action: string;
  targets: string[];
  kind: string;
  threshold: number | null;
  window_seconds: number | null;
};

export type RuleTest = { matched: boolean; matches: { start: number; end: number; excerpt: string }[]; truncated: boolean; validator: string | null };

export type Page<T> = { items: T[]; next_cursor: string | null };

export async function fetchPage<T>(url: string): Promise<Page<T>> {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiRequestError(body?.error?.message ?? `Request failed (${res.status})`, res.status);
  return { items: body as T[], next_cursor: res.headers.get("X-Next-Cursor") };
}

export const SEVERITY_STYLE: Record<string, string> = {
  critical: "bg-red-100 text-red-800 ring-red-200",
  high: "bg-orange-50 text-orange-800 ring-orange-200",
  medium: "bg-amber-50 text-amber-800 ring-amber-200",
  low: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ring-1 ${SEVERITY_STYLE[severity] ?? SEVERITY_STYLE.low}`}>{severity}</span>;
}
