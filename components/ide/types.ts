// The shapes the IDE reads from Grace's API (see the sandbox and issues routes).

export type SandboxFile = { path: string; name: string; size: number; extension: string; updated_at: string };
export type FileList = { files: SandboxFile[]; count: number; next_cursor: string | null };
export type FileContent = { file_path: string; content: string; size: number; updated_at: string };

export type Limits = { cpu_seconds: number; wall_seconds: number; memory_mb: number; processes: number; file_size_mb: number; output_kb: number; workspace_mb: number };
export type LimitsInfo = { limits: Limits; max_limits: Limits; isolation: "bwrap" | "process"; languages: string[] };

export type Diagnostic = { line: number; column: number; end_line?: number; end_column?: number; severity: "error" | "warning" | "info"; rule: string; message: string; source: string };

export type RunStatus = "queued" | "running" | "ok" | "runtime_error" | "timeout" | "memory_limit" | "output_limit" | "killed" | "failed";

export type RunResult = {
  run_id: number;
  language: string;
  file_name: string | null;
  status: RunStatus;
  stdout: string;
  stderr: string;
  stdout_truncated: boolean;
  stderr_truncated: boolean;
  exit_code: number | null;
  duration_ms: number | null;
  message: string | null;
  limits: Limits | null;
  /** saved/not_saved only when the run was asked to keep its files. */
  files_written: { path: string; size: number; saved?: boolean; not_saved?: string }[];
  success: boolean;
  security_alerts: number;
  diagnostics: Diagnostic[];
  issue_id: number | null;
  created_at: string;
  finished_at: string | null;
};
export type RunPage = { items: RunResult[]; next_cursor: string | null };

export type CodeIssue = {
  id: number;
  source?: string;
  summary: string;
  explanation?: string | null;
  likely_cause?: string | null;
  suggested_fix?: string | null;
  error_type?: string | null;
  file_path?: string | null;
  line?: number | null;
  /** Grace has a patch for it: Apply fix edits the file. */
  has_fix?: boolean;
  sandbox_run_id?: number | null;
  status: string;
  created_at?: string;
};

/**
 * A file open in a tab: `content` is the editor's buffer, `saved` what the server holds; `rev`
 * counts the times the content was replaced from outside the editor (a fix applied), which the
 * editor then takes over.
 */
export type Tab = { path: string; content: string; saved: string; language: string | null; rev: number };
