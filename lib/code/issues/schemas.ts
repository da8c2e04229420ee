// Code issues as the API shows them: the earlier API's fields (issues.py) and Grace's
// diagnosis and fix beside them.
import { z } from "zod";
import { paginationQuery } from "../../api/pagination";

export const ISSUE_STATUSES = ["pending", "resolved", "dismissed", "failed", "undone"] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const listIssuesQuery = paginationQuery.extend({ status: z.enum(ISSUE_STATUSES).optional() });

/** `decision` from a JSON body or the earlier API's `?decision=`; checked by the route ("Invalid decision"). */
export const decisionInput = z.object({ decision: z.string().max(100, "must be at most 100 characters").optional() });
export const DECISIONS = ["apply", "dismiss"] as const;

export type IssueRow = {
  id: number;
  source: string;
  sandboxRunId: number | null;
  summary: string;
  details: string;
  explanation: string | null;
  likelyCause: string | null;
  suggestedFix: string | null;
  errorType: string | null;
  filePath: string | null;
  line: number | null;
  patch: string | null;
  fileVersion: number | null;
  appliedVersion: number | null;
  status: string;
  resolvedAt: Date | null;
  createdAt: Date;
};

export function serializeIssue(i: IssueRow) {
  const hasFix = i.patch !== null;
  return {
    id: i.id,
    source: i.source,
    summary: i.summary,
    explanation: i.explanation,
    likely_cause: i.likelyCause,
    suggested_fix: i.suggestedFix,
    action_label: hasFix ? "Apply fix" : null,
    status: i.status,
    created_at: i.createdAt.toISOString(),
    resolved_at: i.resolvedAt?.toISOString() ?? null,
    error_type: i.errorType,
    file_path: i.filePath,
    line: i.line,
    has_fix: hasFix,
    patch: i.patch,
    file_version: i.fileVersion,
    applied_version: i.appliedVersion,
    sandbox_run_id: i.sandboxRunId,
  };
}

/** One issue in full: with the stderr excerpt, the fix as the earlier API's action payload, and what became of it. */
export function serializeIssueDetail(i: IssueRow, fixResult: string | null) {
  return {
    ...serializeIssue(i),
    details: i.details,
    action_payload: i.patch === null ? null : JSON.stringify({ file_path: i.filePath, file_version: i.fileVersion, patch: i.patch }),
    applied_fix: i.status === "resolved" || i.status === "undone" ? i.suggestedFix : null,
    fix_result: fixResult,
  };
}
