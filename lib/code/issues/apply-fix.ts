// Applying an issue's fix edits the file for real: the patch applied to the program that ran,
// written with writeSandboxFile (a new version, audited as any save), provided the file is
// still at the version the fix was made for (or, for a program never saved, that there is
// still no file: the fix creates it). A patch that cannot be applied marks the issue failed,
// with the reason.
import type { Tx } from "../../db/client";
import { append } from "../../audit";
import { ConflictError } from "../../errors";
import { writeSandboxFile } from "../../sandbox/files/write-file";
import { findOwnIssue, issueResource, type IssueUser } from "./find-issue";
import { applyFixPatch, fixPatch } from "../patch";

export const FILE_CHANGED = "the file changed since the run; run it again";

export type ApplyResult =
  | { status: "success"; result: string; issue: Awaited<ReturnType<typeof findOwnIssue>>; file: { path: string; version: number; created: boolean } }
  | { status: "failed"; result: string; issue: Awaited<ReturnType<typeof findOwnIssue>>; file: null };

export async function applyIssueFix(o: { tx: Tx; user: IssueUser; issueId: number }): Promise<ApplyResult> {
  const { tx, user } = o;
  const issue = await findOwnIssue({ tx, user, issueId: o.issueId });
  if (issue.status !== "pending") throw new ConflictError(`Issue already processed (it is ${issue.status})`);
  if (issue.patch === null || issue.filePath === null) throw new ConflictError("This issue has no fix to apply: dismiss it once you have fixed the program yourself");

  const fail = async (reason: string): Promise<ApplyResult> => {
    const failed = await tx.codeIssue.update({ where: { id: issue.id }, data: { status: "failed", resolvedAt: new Date() } });
    await append({ tx, actor: user.username, action: "code.issue.apply", resource: issueResource(issue.id), subsystem: "sandbox", payload: { file_path: issue.filePath, reason }, result: "failure" });
    return { status: "failed", result: `The fix could not be applied: ${reason}`, issue: failed, file: null };
  };

  const run = issue.sandboxRunId === null ? null : await tx.sandboxRun.findFirst({ where: { id: issue.sandboxRunId, userId: user.id }, select: { source: true } });
  if (!run) return fail("the run it was made for is no longer kept");
  const fixed = applyFixPatch(run.source, issue.patch);
  if (fixed === null) return fail("its patch does not apply to the program that ran");

  const current = await tx.sandboxFile.findFirst({ where: { userId: user.id, path: issue.filePath }, select: { version: true, content: true } });
  // Made for a saved file: that file, at that version. Made for an unsaved program: no file yet.
  if (issue.fileVersion === null ? current !== null : current?.version !== issue.fileVersion) throw new ConflictError(FILE_CHANGED);

  const { file, created } = await writeSandboxFile({ tx, user, filePath: issue.filePath, content: fixed });
  // The run may have been of the editor's unsaved buffer: the patch kept is then the change the
  // file itself went through, so that undo gives back the file as it was saved.
  const patch = current && current.content !== run.source ? fixPatch(issue.filePath, current.content, fixed) : issue.patch;
  const applied = await tx.codeIssue.update({ where: { id: issue.id }, data: { status: "resolved", appliedVersion: file.version, resolvedAt: new Date(), patch } });
  await append({
    tx,
    actor: user.username,
    action: "code.issue.apply",
    resource: issueResource(issue.id),
    subsystem: "sandbox",
    payload: { file_path: file.path, from_version: issue.fileVersion, version: file.version, created },
    result: "success",
  });
  const result = `${issue.suggestedFix ?? "Applied the fix"}. ${created ? `Created ${file.path}` : `Saved ${file.path} as version ${file.version}`}.`;
  return { status: "success", result, issue: applied, file: { path: file.path, version: file.version, created } };
}
