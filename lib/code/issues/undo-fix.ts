// Undoing an applied fix writes the file back as it was before the fix: the fix's patch
// reversed and applied to the file, which must still be at the version the fix made (a later
// change would otherwise be lost).
import type { Tx } from "../../db/client";
import { append } from "../../audit";
import { ConflictError } from "../../errors";
import { writeSandboxFile } from "../../sandbox/files/write-file";
import { findOwnIssue, issueResource, type IssueUser } from "./find-issue";
import { revertFixPatch } from "../patch";

export async function undoIssueFix(o: { tx: Tx; user: IssueUser; issueId: number }) {
  const { tx, user } = o;
  const issue = await findOwnIssue({ tx, user, issueId: o.issueId });
  if (issue.status !== "resolved" || issue.appliedVersion === null || issue.patch === null || issue.filePath === null) {
    throw new ConflictError(`Only an applied fix can be undone (this issue is ${issue.status})`);
  }
  const current = await tx.sandboxFile.findFirst({ where: { userId: user.id, path: issue.filePath }, select: { content: true, version: true } });
  if (!current || current.version !== issue.appliedVersion) {
    throw new ConflictError("the file changed since the fix was applied: undoing it now would lose that change");
  }
  const before = revertFixPatch(current.content, issue.patch);
  if (before === null) throw new ConflictError("the fix cannot be reversed on the file as it is");
  const { file } = await writeSandboxFile({ tx, user, filePath: issue.filePath, content: before });
  const undone = await tx.codeIssue.update({ where: { id: issue.id }, data: { status: "undone", resolvedAt: new Date() } });
  await append({
    tx,
    actor: user.username,
    action: "code.issue.undo",
    resource: issueResource(issue.id),
    subsystem: "sandbox",
    payload: { file_path: file.path, undone_version: issue.appliedVersion, version: file.version },
    result: "success",
  });
  return { issue: undone, file: { path: file.path, version: file.version } };
}
