import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { writeTransaction } from "@/lib/db/transaction";
import { undoIssueFix } from "@/lib/code/issues/undo-fix";

const params = idParams("an issue id");

// Puts the file back as it was before the issue's fix → {status: "undone", issue_id, file_path, version}.
export const POST = route({ params }, async ({ user, params }) => {
  const { file } = await writeTransaction((tx) => undoIssueFix({ tx, user, issueId: params.id }));
  return { status: "undone", issue_id: params.id, file_path: file.path, version: file.version };
});
