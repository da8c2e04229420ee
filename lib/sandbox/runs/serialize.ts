import type { SandboxLimits } from "../limits";

export type Diagnostic = { line: number; column: number; end_line?: number; end_column?: number; severity: "error" | "warning" | "info"; rule: string; message: string; source: "hunter" };

type RunRow = {
  id: number;
  language: string;
  fileName: string | null;
  command: string;
  status: string;
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  exitCode: number | null;
  durationMs: number | null;
  message: string | null;
  limits: unknown;
  filesWritten: unknown;
  diagnostics: unknown;
  securityAlerts: number;
  issueId: number | null;
  createdAt: Date;
  finishedAt: Date | null;
};

export const FINISHED_RUN = new Set(["ok", "runtime_error", "timeout", "memory_limit", "output_limit", "killed", "failed"]);

/** A run as the API shows it (also the earlier API's fields: exit_code, duration_ms, success, security_alerts, issue_id). */
export function serializeRun(r: RunRow) {
  return {
    run_id: r.id,
    language: r.language,
    file_name: r.fileName,
    command: r.command,
    status: r.status,
    finished: FINISHED_RUN.has(r.status),
    stdout: r.stdout,
    stderr: r.stderr,
    stdout_truncated: r.stdoutTruncated,
    stderr_truncated: r.stderrTruncated,
    exit_code: r.exitCode,
    duration_ms: r.durationMs,
    message: r.message,
    limits: (r.limits ?? null) as SandboxLimits | null,
    files_written: (r.filesWritten ?? []) as { path: string; size: number; saved?: boolean; not_saved?: string }[],
    success: r.status === "ok" && r.exitCode === 0,
    security_alerts: r.securityAlerts,
    diagnostics: (r.diagnostics ?? []) as Diagnostic[],
    issue_id: r.issueId,
    created_at: r.createdAt.toISOString(),
    finished_at: r.finishedAt?.toISOString() ?? null,
  };
}
