import { z } from "zod";
import { route } from "@/lib/api/route";
import { paginationQuery } from "@/lib/api/pagination";
import { APPROVAL_STATUSES } from "@/lib/governance/approvals";
import { listApprovals } from "@/lib/governance/list-approvals";

const query = paginationQuery.extend({ status: z.enum(APPROVAL_STATUSES).optional(), action_type: z.string().max(64).optional() });

// Admins see every request; anyone else the requests they made.
export const GET = route({ query }, async ({ user, query }) =>
  listApprovals({ user, status: query.status, actionType: query.action_type, limit: query.limit, cursor: query.cursor }),
);
