import { DomainError } from "../../lib/errors";
import { runProgram } from "../../lib/sandbox/runner";
import type { Language } from "../../lib/sandbox/runner/types";
import type { SandboxLimits } from "../../lib/sandbox/limits";
import { finishRun, failRun } from "../../lib/sandbox/runs/finish-run";
import { outputWriter } from "../../lib/sandbox/runs/output-writer";
import type { JobHandler } from "./types";

// Runs one user program in the sandbox (lib/sandbox/runner), with the user's files in its
// workspace, its output stored as it comes (for a page that streams it) and its end recorded.
// Stop cancels the job: the job's signal aborts the run, which ends as `killed`.
export const sandboxRun: JobHandler<{ run_id: number; save_files: boolean }> = async ({ payload, db, signal }) => {
  const run = await db.sandboxRun.findUnique({ where: { id: payload.run_id } });
  if (!run || run.status !== "queued") {
    // Stopped before it started, or claimed again after a worker died mid-run: never run twice.
    if (run?.status === "running") await failRun({ db, runId: run.id, message: "The worker running it stopped; run it again." });
    return { run_id: payload.run_id, status: run?.status ?? "missing" };
  }
  await db.sandboxRun.update({ where: { id: run.id }, data: { status: "running", startedAt: new Date() } });
  const files = await db.sandboxFile.findMany({ where: { userId: run.userId }, select: { path: true, content: true } });
  const output = outputWriter({ db, runId: run.id });
  try {
    const result = await runProgram({
      language: run.language as Language,
      files,
      entry: run.fileName ?? undefined,
      code: run.source,
      stdin: run.stdin,
      args: (run.args ?? []) as string[],
      limits: (run.limits ?? undefined) as Partial<SandboxLimits> | undefined,
      onOutput: output.push,
      signal,
      collectFiles: payload.save_files,
    });
    await output.flush();
    const done = await finishRun({ db, runId: run.id, result, saveFiles: payload.save_files });
    return { run_id: run.id, status: done.status, issue_id: done.issueId };
  } catch (error) {
    await output.flush();
    // The sandbox refused (bubblewrap missing, every slot busy): the run says why, in the user's words.
    if (error instanceof DomainError) {
      await failRun({ db, runId: run.id, message: error.message });
      return { run_id: run.id, status: "failed" };
    }
    await failRun({ db, runId: run.id, message: "The run could not be completed: an internal error (see the worker's log)." });
    throw error;
  }
};
