import { db as defaultDb, type Db } from "../../db/client";
import type { AuthUser } from "../../auth/schemas";
import { findOwnIssue, issueResource } from "./find-issue";
import { serializeIssueDetail } from "./schemas";

/** What became of the fix, in words: from the issue, or for a failed one, the reason its audit entry gives. */
async function fixResult(db: Db, issue: { id: number; status: string; filePath: string | null; appliedVersion: number | null }): Promise<string | null> {
  if (issue.status === "resolved") return `Applied: ${issue.filePath} was saved as version ${issue.appliedVersion}`;
  if (issue.status === "undone") return `Undone: ${issue.filePath} is back to its content before the fix`;
  if (issue.status !== "failed") return null;
  const entry = await db.logEntry.findFirst({ where: { resource: issueResource(issue.id), action: "code.issue.apply" }, orderBy: { sequence: "desc" }, select: { payload: true } });
  const reason = entry ? (JSON.parse(entry.payload) as { reason?: unknown }).reason : undefined;
  return typeof reason === "string" ? `The fix could not be applied: ${reason}` : "The fix could not be applied";
}

/** One of the user's own issues in full ("Issue not found" for anyone else's). */
export async function getIssue(o: { user: Pick<AuthUser, "id" | "role">; issueId: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const issue = await findOwnIssue({ tx: db, user: o.user, issueId: o.issueId });
  return serializeIssueDetail(issue, await fixResult(db, issue));
}
