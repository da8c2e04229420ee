import type { Db, Tx } from "../../db/client";
import type { AuthUser } from "../../auth/schemas";
import { ownedScope } from "../../auth/access";
import { NotFoundError } from "../../errors";

export type IssueUser = Pick<AuthUser, "id" | "username" | "role">;

/** Whose issues a user sees: their own only, admins included (an issue holds the person's code). */
export const ownIssues = (user: Pick<AuthUser, "id" | "role">) => ownedScope(user, "userId", { everyone: false });

/** One of the user's own issues; "Issue not found" for anyone else's. */
export async function findOwnIssue(o: { tx: Tx | Db; user: Pick<AuthUser, "id" | "role">; issueId: number }) {
  const issue = await o.tx.codeIssue.findFirst({ where: { id: o.issueId, ...ownIssues(o.user) } });
  if (!issue) throw new NotFoundError("Issue");
  return issue;
}

export const issueResource = (id: number) => `code_issue:${id}`;
