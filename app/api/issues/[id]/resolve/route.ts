import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { BadRequestError } from "@/lib/errors";
import { writeTransaction } from "@/lib/db/transaction";
import { applyIssueFix } from "@/lib/code/issues/apply-fix";
import { dismissIssue } from "@/lib/code/issues/dismiss-issue";
import { DECISIONS, decisionInput } from "@/lib/code/issues/schemas";

const params = idParams("an issue id");

// ?decision=apply|dismiss as before (or a JSON body {decision}). apply edits the file and
// answers {status: "success" | "failed", result, issue_id, file_path, version}; dismiss
// answers {status: "dismissed", issue_id}.
export const POST = route({ params, body: decisionInput, query: decisionInput }, async ({ user, params, body, query }) => {
  const decision = body.decision ?? query.decision;
  if (!DECISIONS.includes(decision as (typeof DECISIONS)[number])) throw new BadRequestError("Invalid decision");
  if (decision === "dismiss") {
    await writeTransaction((tx) => dismissIssue({ tx, user, issueId: params.id }));
    return { status: "dismissed", issue_id: params.id };
  }
  const applied = await writeTransaction((tx) => applyIssueFix({ tx, user, issueId: params.id }));
  return { status: applied.status, result: applied.result, issue_id: params.id, file_path: applied.file?.path ?? applied.issue.filePath, version: applied.file?.version ?? null };
});
