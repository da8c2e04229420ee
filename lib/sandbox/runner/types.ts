import type { SandboxLimits } from "../limits";

export const LANGUAGES = ["python", "javascript", "typescript", "bash"] as const;
export type Language = (typeof LANGUAGES)[number];

export const RUN_STATUSES = ["ok", "runtime_error", "timeout", "memory_limit", "output_limit", "killed"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export type OutputStream = "stdout" | "stderr";

/** One of the user's files, put in the workspace before the run. `path` is relative ("src/util.py"). */
export type InputFile = { path: string; content: string | Uint8Array };

export type RunOptions = {
  language: Language;
  /** The user's files, written into the fresh workspace. */
  files?: InputFile[];
  /** The file to run, relative to the workspace. Defaults to main.py / main.js / main.ts / main.sh. */
  entry?: string;
  /** The program to run as the entry (the editor's buffer); replaces a file of the same path. */
  code?: string;
  stdin?: string | Uint8Array;
  args?: string[];
  /** Per-run limits, each within the configured maximum (see lib/sandbox/limits.ts). */
  limits?: Partial<SandboxLimits>;
  /** The run slot (0 … GRACE_SANDBOX_SLOTS - 1), which picks the uid; omitted, a free one is taken. */
  slot?: number;
  /** Live output as it arrives (only what is kept: nothing past the output limit). */
  onOutput?: (stream: OutputStream, chunk: string) => void;
  /** Stop: kills the run, whose status is then "killed". */
  signal?: AbortSignal;
  /** Return the contents of the files the run wrote (capped), not only their list. */
  collectFiles?: boolean;
};

export type WrittenFile = {
  path: string;
  size: number;
  /** With collectFiles: the content, as text when it is valid UTF-8, else base64. */
  content?: string;
  encoding?: "utf8" | "base64";
  /** With collectFiles, why the content is not here ("too_large": over the per-file or total cap). */
  omitted?: "too_large";
};

export type RunResult = {
  stdout: string;
  stderr: string;
  /** The program's exit code; 128 + n when signal n ended it (as a shell reports it). */
  exit_code: number | null;
  /** The signal that ended the program, when one did ("SIGKILL"). */
  signal: string | null;
  duration_ms: number;
  status: RunStatus;
  /** Why the run was stopped or what limit it hit, in words for the user; null for ok / runtime_error. */
  message: string | null;
  limits: SandboxLimits;
  /** Files the run created or changed in its workspace (not the unchanged inputs), by path. */
  files_written: WrittenFile[];
  /** More files were written than are listed (the list stops at 500). */
  files_written_truncated: boolean;
  stdout_truncated: boolean;
  stderr_truncated: boolean;
  /** "bwrap" or "process" (GRACE_SANDBOX). */
  isolation: "bwrap" | "process";
};
