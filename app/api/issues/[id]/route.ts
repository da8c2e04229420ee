import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { getIssue } from "@/lib/code/issues/get-issue";

const params = idParams("an issue id");

export const GET = route({ params }, async ({ user, params }) => getIssue({ user, issueId: params.id }));
