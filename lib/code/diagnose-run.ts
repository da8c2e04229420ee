// What went wrong in a failed run, read from what the interpreter printed: the error, the
// file and line, plain words about it, and where Grace can make one, a concrete fix (the
// program's new source). Pure: the same run always gets the same diagnosis.
import { DEFAULT_ENTRY, languageOf, type CodeLanguage } from "./languages";
import { exitCodeExplanation, explain, LIMITS } from "./explain";
import { outputLines, type ParsedError } from "./parsed-error";
import { parsePythonError } from "./parse-python";
import { parseNodeError } from "./parse-node";
import { parseTypeScriptError } from "./parse-typescript";
import { parseBashError, type BashError } from "./parse-bash";
import { findFix, type CodeFix } from "./find-fix";

export type { CodeFix, CodeFixKind } from "./find-fix";

export type RunDiagnosis = {
  /** "NameError", "SyntaxError", "TS1005", "CommandNotFound", "Timeout", "ExitCode", … */
  errorType: string;
  /** The error's own message, as printed. */
  message: string;
  /** Workspace-relative path of the file it points at, and where in it. */
  file: string | null;
  line: number | null;
  column: number | null;
  /** One line: "NameError in main.py, line 2: name 'math' is not defined". */
  summary: string;
  explanation: string;
  likelyCause: string;
  /** A concrete change that fixes it, when Grace can make one. */
  fix: CodeFix | null;
};

export type DiagnoseRunInput = {
  language: string | null;
  fileName: string | null;
  /** The program that ran. */
  source: string;
  stdout: string;
  stderr: string;
  exitCode: number | null;
  /** The run's status (SandboxRun.status). */
  status: string;
};

const MAX_MESSAGE = 500;
const clip = (text: string, max = MAX_MESSAGE) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function parse(language: CodeLanguage, stderr: string, fileName: string, source: string): ParsedError | BashError | null {
  switch (language) {
    case "python":
      return parsePythonError(stderr, { fileName, source });
    case "bash":
      return parseBashError(stderr, { fileName });
    case "typescript":
      return parseTypeScriptError(stderr, { fileName }) ?? parseNodeError(stderr, { fileName });
    case "javascript":
      return parseNodeError(stderr, { fileName });
  }
}

function where(file: string | null, line: number | null): string {
  if (!file) return "";
  return line ? ` in ${file}, line ${line}` : ` in ${file}`;
}

/** The diagnosis of a finished run, or null when it did not fail (or was stopped on purpose, or never ran). */
export function diagnoseRun(input: DiagnoseRunInput): RunDiagnosis | null {
  const { status, exitCode } = input;
  if (status === "killed" || status === "failed" || status === "queued" || status === "running") return null;
  if (status === "ok" && (exitCode === 0 || exitCode === null)) return null;
  const language = languageOf(input);
  const fileName = input.fileName ?? (language ? DEFAULT_ENTRY[language] : null);
  const parsed = language && fileName ? parse(language, input.stderr, fileName, input.source) : null;

  if (status === "timeout" || status === "memory_limit" || status === "output_limit") {
    const limit = LIMITS[status];
    return {
      errorType: limit.errorType,
      message: parsed ? clip(parsed.message ? `${parsed.errorType}: ${parsed.message}` : parsed.errorType) : "",
      file: parsed?.file ?? fileName,
      line: parsed?.line ?? null,
      column: parsed?.column ?? null,
      summary: limit.summary,
      explanation: limit.explanation,
      likelyCause: limit.likelyCause,
      fix: null,
    };
  }

  if (!parsed || !language || !fileName) {
    const generic = exitCodeExplanation(exitCode);
    const last = outputLines(input.stderr).filter((l) => l.trim() !== "").pop() ?? "";
    return { ...generic, message: clip(last), file: fileName, line: null, column: null, summary: clip(last ? `${generic.summary}: ${last}` : generic.summary, 300), fix: null };
  }

  const words = explain(language, parsed.errorType);
  const fix = parsed.file === fileName && input.source ? findFix({ language, fileName, source: input.source, error: parsed }) : null;
  return {
    errorType: parsed.errorType,
    message: clip(parsed.message),
    file: parsed.file,
    line: parsed.line,
    column: parsed.column,
    summary: clip(`${parsed.errorType}${where(parsed.file, parsed.line)}${parsed.message ? `: ${parsed.message}` : ""}`, 300),
    explanation: words.explanation,
    likelyCause: words.likelyCause,
    fix: fix && fix.source !== input.source ? fix : null,
  };
}
