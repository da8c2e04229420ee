"use client";

import { Button } from "@/components/ui/button";
import type { CodeIssue } from "./types";

type Props = {
  issues: CodeIssue[] | undefined;
  /** Fixes applied in this visit, newest first: they can be undone. */
  applied: CodeIssue[];
  /** The issue whose request is under way. */
  working: number | null;
  error: string | null;
  onApply: (issue: CodeIssue) => void;
  onUndo: (issue: CodeIssue) => void;
  onDismiss: (issue: CodeIssue) => void;
  onShow: (path: string, line: number) => void;
};

const where = (i: CodeIssue) => (i.file_path ? `${i.file_path}${i.line ? `:${i.line}` : ""}` : null);

/** What went wrong in failed runs, with the fix Grace suggests: apply it (and undo), or dismiss it. */
export function IssuesPanel({ issues, applied, working, error, onApply, onUndo, onDismiss, onShow }: Props) {
  return (
    <section aria-labelledby="ide-issues" className="flex min-w-0 flex-col gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <h2 id="ide-issues" className="text-base font-semibold">
        Issues {issues && issues.length > 0 && <span className="ml-1 rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700">{issues.length}</span>}
      </h2>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {issues === undefined && <p className="text-sm text-slate-600">Loading…</p>}
      {issues?.length === 0 && <p className="text-sm text-slate-600">No open issues. When a run fails, Grace explains why here and suggests a fix.</p>}
      <ul aria-label="Open issues" className="space-y-3">
        {issues?.map((issue) => (
          <li key={issue.id} aria-label={issue.summary} className="space-y-2 rounded-md p-3 ring-1 ring-slate-200">
            <p className="text-sm font-medium break-words text-slate-900">{issue.summary}</p>
            <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
              {issue.error_type && <span className="rounded bg-red-50 px-1.5 py-0.5 font-mono text-red-700">{issue.error_type}</span>}
              {issue.file_path && (
                <button type="button" onClick={() => onShow(issue.file_path!, issue.line ?? 1)} className="font-mono text-indigo-700 underline hover:text-indigo-600">
                  {where(issue)}
                </button>
              )}
            </p>
            {issue.explanation && <p className="text-sm break-words text-slate-700">{issue.explanation}</p>}
            {issue.likely_cause && <p className="text-sm break-words text-slate-600">Likely cause: {issue.likely_cause}</p>}
            {issue.suggested_fix && (
              <p className="rounded bg-emerald-50 px-2 py-1 text-sm break-words text-emerald-900">
                <span className="font-medium">Suggested fix:</span> {issue.suggested_fix}
              </p>
            )}
            <div className="flex flex-wrap gap-2">
              {(issue.has_fix ?? !!issue.suggested_fix) && (
                <Button onClick={() => onApply(issue)} disabled={working !== null}>
                  {working === issue.id ? "Applying…" : "Apply fix"}
                </Button>
              )}
              <Button variant="secondary" onClick={() => onDismiss(issue)} disabled={working !== null} aria-label={`Dismiss: ${issue.summary}`}>
                Dismiss
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {applied.length > 0 && (
        <div className="space-y-2 border-t border-slate-100 pt-3">
          <h3 id="ide-applied" className="text-sm font-medium text-slate-700">
            Fixes applied
          </h3>
          <ul aria-labelledby="ide-applied" className="space-y-2">
            {applied.map((issue) => (
              <li key={issue.id} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="min-w-0 flex-1 break-words text-slate-700">
                  {issue.summary}
                  {where(issue) && <span className="ml-1 font-mono text-xs text-slate-600">({where(issue)})</span>}
                </span>
                <Button variant="secondary" onClick={() => onUndo(issue)} disabled={working !== null} aria-label={`Undo the fix: ${issue.summary}`}>
                  {working === issue.id ? "Undoing…" : "Undo"}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
