import { z } from "zod";
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { ValidationError } from "@/lib/errors";
import { writeTransaction } from "@/lib/db/transaction";
import { decisionSchema, serializeApproval } from "@/lib/governance/approvals";
import { decideApproval } from "@/lib/governance/decide-approval";

const params = idParams("an approval id");
const loose = z.object({ decision: z.string().optional(), reason: z.string().optional() });

// JSON body {decision: approve | reject, reason}, or the earlier API's ?decision=&reason=.
export const POST = route({ access: "admin", params, body: loose, query: loose }, async ({ user, params, body, query }) => {
  const source = body.decision !== undefined ? body : query;
  const parsed = decisionSchema.safeParse(source);
  if (!parsed.success) {
    const where = source === body ? "body" : "query";
    throw new ValidationError(parsed.error.issues.map((i) => ({ field: [where, ...i.path.map(String)].join("."), message: i.message })));
  }
  const approval = await writeTransaction((tx) => decideApproval({ tx, approvalId: params.id, admin: user, input: parsed.data }));
  return serializeApproval(approval);
});
