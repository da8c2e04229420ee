import type { z } from "zod";
import type { ActionDef } from "./actions/define";
import { ConflictError, NotFoundError } from "../errors";
import { append } from "../audit";
import type { Tx } from "../db/client";
import { enqueue } from "../jobs/enqueue";
import { actionForApproval } from "./actions";
import type { decisionSchema } from "./approvals";
import { actorOf, heldPayload } from "./execute-approval";

type LooseAction = ActionDef<z.ZodType, unknown, unknown>;

/**
 * An admin's decision on a pending request, audited in the same transaction. Approving queues
 * the held action as a job that runs it as its requester (URL ingestion queues its own
 * url_ingest job); rejecting runs nothing. Deciding twice, or after the request expired, is a 409.
 */
export async function decideApproval(o: { tx: Tx; approvalId: number; admin: { id: number; username: string }; input: z.output<typeof decisionSchema>; now?: Date }) {
  const { tx } = o;
  const now = o.now ?? new Date();
  const approval = await tx.approvalRequest.findUnique({ where: { id: o.approvalId } });
  if (!approval) throw new NotFoundError(`Approval ${o.approvalId}`);
  // The status check is in the update itself, so of two admins deciding at once only one wins.
  const status = o.input.decision === "approve" ? "approved" : "rejected";
  const { count } = await tx.approvalRequest.updateMany({
    where: { id: approval.id, status: "pending", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    data: { status, decidedById: o.admin.id, decisionReason: o.input.reason, decidedAt: now },
  });
  if (count !== 1) {
    const current = await tx.approvalRequest.findUniqueOrThrow({ where: { id: approval.id } });
    if (current.status === "expired" || (current.status === "pending" && current.expiresAt && current.expiresAt <= now)) {
      throw new ConflictError(`Approval ${approval.id} expired at ${current.expiresAt?.toISOString()}: ask again to have it decided`);
    }
    throw new ConflictError(`Approval ${approval.id} was already decided (${current.status})`);
  }

  let jobId: number | null = null;
  if (status === "approved") {
    const action = actionForApproval(approval.actionType) as LooseAction | undefined;
    if (!action) throw new ConflictError(`Approvals of "${approval.actionType}" cannot be carried out`);
    if (action.queuesOwnJob) {
      const requester = await actorOf({ db: tx, userId: approval.requestedById });
      const payload = heldPayload(action, approval.payload);
      const started = (await action.perform({ tx, actor: requester, payload, prepared: undefined, approvalId: approval.id })) as { job_id: number };
      jobId = started.job_id;
    } else {
      const job = await enqueue({
        tx,
        kind: "governed_action",
        payload: { approval_id: approval.id },
        description: `${action.label} (approval ${approval.id}, approved by ${o.admin.username})`,
        createdById: approval.requestedById,
        priority: 5,
        // Runs at most once: executeApproval claims the approval in the action's own transaction.
        maxAttempts: 3,
      });
      jobId = job.id;
    }
    await tx.approvalRequest.update({ where: { id: approval.id }, data: { jobId } });
  }
  await append({
    tx,
    actor: o.admin.username,
    action: `approval.${status === "approved" ? "approve" : "reject"}`,
    resource: `approval:${approval.id}`,
    subsystem: "governance",
    payload: { action_type: approval.actionType, resource: approval.resource, requested_by_id: approval.requestedById, reason: o.input.reason, job_id: jobId },
    result: "success",
  });
  return tx.approvalRequest.findUniqueOrThrow({ where: { id: approval.id }, include: { requestedBy: { select: { username: true } }, decidedBy: { select: { username: true } } } });
}
