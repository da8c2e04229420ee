// Records how a run ended, with its output, in one audited transaction; a failed run also gets
// a code issue (a diagnosis and, where Grace can make one, a fix) in the same transaction.
import { Prisma, type Db } from "../../db/client";
import { writeTransaction } from "../../db/transaction";
import { append } from "../../audit";
import { openIssueForRun } from "../../code/open-issue";
import type { RunResult, WrittenFile } from "../runner/types";
import type { Tx } from "../../db/client";
import { DomainError } from "../../errors";
import { writeSandboxFile } from "../files/write-file";

/**
 * The files a run wrote, kept among the user's files when asked (each write audited, as from the
 * editor). One that cannot be kept says why: binary, too large, a path or a count the files refuse.
 */
async function saveWrittenFiles(o: { tx: Tx; user: { id: number; username: string }; files: WrittenFile[] }) {
  const out: { path: string; size: number; saved: boolean; not_saved?: string }[] = [];
  for (const f of o.files) {
    const reason = f.omitted ? "too large to keep" : f.encoding !== "utf8" || f.content === undefined ? "not text" : null;
    if (reason) {
      out.push({ path: f.path, size: f.size, saved: false, not_saved: reason });
      continue;
    }
    try {
      // Checked before any row is written, so a refusal leaves the transaction as it was.
      await writeSandboxFile({ tx: o.tx, user: o.user, filePath: f.path, content: f.content! });
      out.push({ path: f.path, size: f.size, saved: true });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      out.push({ path: f.path, size: f.size, saved: false, not_saved: error.message });
    }
  }
  return out;
}

export async function finishRun(o: { db: Db; runId: number; result: RunResult; saveFiles?: boolean }) {
  const { result } = o;
  return writeTransaction(async (tx) => {
    const owner = await tx.sandboxRun.findUniqueOrThrow({ where: { id: o.runId }, select: { user: { select: { id: true, username: true } } } });
    const files = o.saveFiles ? await saveWrittenFiles({ tx, user: owner.user, files: result.files_written }) : result.files_written.map((f) => ({ path: f.path, size: f.size }));
    const run = await tx.sandboxRun.update({
      where: { id: o.runId },
      data: {
        status: result.status,
        stdout: result.stdout,
        stderr: result.stderr,
        stdoutTruncated: result.stdout_truncated,
        stderrTruncated: result.stderr_truncated,
        exitCode: result.exit_code,
        durationMs: Math.round(result.duration_ms),
        message: result.message,
        limits: result.limits as unknown as Prisma.InputJsonValue,
        filesWritten: files,
        isolation: result.isolation,
        finishedAt: new Date(),
      },
    });
    const user = owner.user;
    let issueId: number | null = null;
    if (result.status !== "ok" && result.status !== "killed") {
      const file = run.fileName ? await tx.sandboxFile.findUnique({ where: { userId_path: { userId: run.userId, path: run.fileName } } }) : null;
      const issue = await openIssueForRun({ tx, run, file });
      if (issue) {
        issueId = issue.id;
        await tx.sandboxRun.update({ where: { id: run.id }, data: { issueId } });
      }
    }
    const ok = result.status === "ok";
    await append({
      tx,
      actor: user.username,
      action: ok ? "sandbox.execution_completed" : "sandbox.execution_failed",
      resource: `sandbox_run:${run.id}`,
      subsystem: "sandbox",
      payload: { status: result.status, exit_code: result.exit_code, duration_ms: Math.round(result.duration_ms), isolation: result.isolation, issue_id: issueId },
      result: ok ? "success" : "failure",
    });
    return { ...run, issueId };
  }, o.db);
}

/** A run that could not start (the sandbox is unavailable) or whose worker stopped mid-run. */
export async function failRun(o: { db: Db; runId: number; message: string }) {
  return writeTransaction(async (tx) => {
    const run = await tx.sandboxRun.update({ where: { id: o.runId }, data: { status: "failed", message: o.message, finishedAt: new Date() } });
    const user = await tx.user.findUniqueOrThrow({ where: { id: run.userId }, select: { username: true } });
    await append({ tx, actor: user.username, action: "sandbox.execution_failed", resource: `sandbox_run:${run.id}`, subsystem: "sandbox", payload: { status: "failed", message: o.message }, result: "failure" });
    return run;
  }, o.db);
}
