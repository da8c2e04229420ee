import { appendMany } from "../audit";
import { SYSTEM_ACTOR } from "../audit/actors";
import type { Db } from "../db/client";
import { writeTransaction } from "../db/transaction";

/**
 * Pending approvals nobody decided within GRACE_APPROVAL_TTL become "expired", audited. A
 * decision on one that expired but was not swept yet is refused all the same (decideApproval).
 */
export async function expireApprovals(o: { db: Db; now?: Date; batch?: number }) {
  const now = o.now ?? new Date();
  const due = await o.db.approvalRequest.findMany({ where: { status: "pending", expiresAt: { lte: now } }, select: { id: true }, orderBy: { id: "asc" }, take: o.batch ?? 500 });
  if (due.length === 0) return 0;
  return writeTransaction(async (tx) => {
    const expired: number[] = [];
    for (const { id } of due) {
      const { count } = await tx.approvalRequest.updateMany({ where: { id, status: "pending", expiresAt: { lte: now } }, data: { status: "expired" } });
      if (count) expired.push(id);
    }
    await appendMany({
      tx,
      events: expired.map((id) => ({ actor: SYSTEM_ACTOR, action: "approval.expire", resource: `approval:${id}`, subsystem: "governance", payload: {}, result: "expired" })),
    });
    return expired.length;
  }, o.db);
}
