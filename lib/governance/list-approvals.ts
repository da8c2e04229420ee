import type { Db } from "../db/client";
import type { AuthUser } from "../auth/schemas";
import { db as defaultDb } from "../db/client";
import { page } from "../api/pagination";
import { serializeApproval } from "./approvals";
import { actionForApproval } from "./actions";
import { ownedScope } from "../auth/access";

/**
 * Approval requests, newest first. Admins see everyone's; anyone else only their own. The
 * job an approval started is joined in so the caller sees whether the approved work ran.
 */
export async function listApprovals(o: { user: Pick<AuthUser, "id" | "role">; status?: string; actionType?: string; limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.approvalRequest.findMany({
    where: {
      ...ownedScope(o.user, "requestedById"),
      ...statusFilter(o.status),
      ...(o.actionType ? { actionType: { in: storedTypes(o.actionType) } } : {}),
      ...(o.cursor ? { id: { lt: o.cursor } } : {}),
    },
    include: { requestedBy: { select: { username: true } }, decidedBy: { select: { username: true } } },
    orderBy: { id: "desc" },
    take: o.limit + 1,
  });
  const { items, next_cursor } = page(rows, o.limit, (a) => a.id);
  const jobIds = items.map((a) => a.jobId).filter((id): id is number => id !== null);
  const jobs = jobIds.length ? await db.job.findMany({ where: { id: { in: jobIds } }, select: { id: true, status: true, progress: true, error: true, result: true } }) : [];
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const policyIds = [...new Set(items.map((a) => a.policyId).filter((id): id is number => id !== null))];
  const policies = policyIds.length ? await db.governancePolicy.findMany({ where: { id: { in: policyIds } }, select: { id: true, name: true } }) : [];
  const policyById = new Map(policies.map((p) => [p.id, p]));
  return { items: items.map((a) => serializeApproval(a, a.jobId ? byId.get(a.jobId) : null, a.policyId ? policyById.get(a.policyId) : null)), next_cursor };
}

// An action's approvals may be stored under the type they had before the registry (url_ingest).
function storedTypes(actionType: string): string[] {
  const action = actionForApproval(actionType);
  return [...new Set([actionType, ...(action ? [action.name, ...("legacyType" in action && action.legacyType ? [action.legacyType] : [])] : [])])];
}

// "pending" means still decidable; one past its expiry that the sweep has not marked yet is "expired".
function statusFilter(status: string | undefined) {
  const now = new Date();
  if (status === "pending") return { status: "pending", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  if (status === "expired") return { OR: [{ status: "expired" }, { status: "pending", expiresAt: { lte: now } }] };
  return status ? { status } : {};
}
