// After a failed run: a code issue with the diagnosis (lib/code/diagnose-run.ts) and, when
// Grace has one, the fix as a unified diff from the program that ran to the fixed program,
// against the version of the file it applies to. Opened by the worker, in the transaction
// that finishes the run, and audited there.
import type { Tx } from "../db/client";
import { append } from "../audit";
import { WORKER_ACTOR } from "../audit/actors";
import { diagnoseRun } from "./diagnose-run";
import { DEFAULT_ENTRY, languageOf } from "./languages";
import { issueResource } from "./issues/find-issue";
import { fixPatch } from "./patch";

/** The most of the run's error output an issue keeps: the end, where the error is. */
export const MAX_DETAILS = 4000;

type RunRow = {
  id: number;
  userId: number;
  language: string;
  fileName: string | null;
  source: string;
  stdout: string;
  stderr: string;
  exitCode: number | null;
  status: string;
};
type FileRow = { id: number; path: string; version: number };

function excerpt(text: string): string {
  return text.length > MAX_DETAILS ? `…${text.slice(text.length - MAX_DETAILS + 1)}` : text;
}

/**
 * The issue for a finished run, or null when the run did not fail (or was stopped, or never
 * ran). A run has at most one pending issue: called again, this returns that one.
 * `file`: the user's saved file the run was named after (run.fileName), if there is one.
 */
export async function openIssueForRun(o: { tx: Tx; run: RunRow; file: FileRow | null }) {
  const { tx, run } = o;
  const open = await tx.codeIssue.findFirst({ where: { sandboxRunId: run.id, status: "pending" } });
  if (open) return open;
  const diagnosis = diagnoseRun({ language: run.language, fileName: run.fileName, source: run.source, stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode, status: run.status });
  if (!diagnosis) return null;
  const language = languageOf({ language: run.language, fileName: run.fileName });
  const target = run.fileName ?? (language ? DEFAULT_ENTRY[language] : null);
  const fix = diagnosis.fix && target ? { ...diagnosis.fix, target } : null;
  const file = o.file && o.file.path === target ? o.file : null;
  const patch = fix ? fixPatch(fix.target, run.source, fix.source) : null;
  const issue = await tx.codeIssue.create({
    data: {
      userId: run.userId,
      source: "sandbox",
      sandboxRunId: run.id,
      summary: diagnosis.summary,
      details: excerpt(run.stderr || run.stdout),
      explanation: diagnosis.explanation,
      likelyCause: diagnosis.likelyCause,
      suggestedFix: fix?.description ?? null,
      errorType: diagnosis.errorType,
      filePath: fix ? fix.target : diagnosis.file,
      line: diagnosis.line,
      patch,
      fileVersion: fix && file ? file.version : null,
    },
  });
  await append({
    tx,
    actor: WORKER_ACTOR,
    action: "code.issue.open",
    resource: issueResource(issue.id),
    subsystem: "sandbox",
    payload: { user_id: run.userId, run_id: run.id, error_type: issue.errorType, file_path: issue.filePath, line: issue.line, fix: fix?.kind ?? null, file_version: issue.fileVersion },
    result: "success",
  });
  return issue;
}
