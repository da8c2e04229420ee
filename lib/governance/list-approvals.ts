import type { Db } from "../db/client";
import type { AuthUser } from "../auth/schemas";
import { db as defaultDb } from "../db/client";
import { page } from "../api/pagination";
import { serializeApproval } from "./approvals";
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
      ...(o.status ? { status: o.status } : {}),
      ...(o.actionType ? { actionType: o.actionType } : {}),
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
  return { items: items.map((a) => serializeApproval(a, a.jobId ? byId.get(a.jobId) : null)), next_cursor };
}
