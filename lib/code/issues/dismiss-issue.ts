import type { Tx } from "../../db/client";
import { append } from "../../audit";
import { ConflictError } from "../../errors";
import { findOwnIssue, issueResource, type IssueUser } from "./find-issue";

/** Closes an issue without changing any file. Dismissing twice is not an error; an applied fix is undone, not dismissed. */
export async function dismissIssue(o: { tx: Tx; user: IssueUser; issueId: number }) {
  const { tx, user } = o;
  const issue = await findOwnIssue({ tx, user, issueId: o.issueId });
  if (issue.status === "dismissed") return issue;
  if (issue.status === "resolved") throw new ConflictError("This issue's fix was applied: undo it instead");
  const dismissed = await tx.codeIssue.update({ where: { id: issue.id }, data: { status: "dismissed", resolvedAt: new Date() } });
  await append({ tx, actor: user.username, action: "code.issue.dismiss", resource: issueResource(issue.id), subsystem: "sandbox", payload: { previous_status: issue.status }, result: "success" });
  return dismissed;
}
