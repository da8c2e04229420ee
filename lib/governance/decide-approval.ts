import type { z } from "zod";
import { ConflictError, NotFoundError } from "../errors";
import { append } from "../audit";
import type { Tx } from "../db/client";
import { enqueue } from "../jobs/enqueue";
import { jobPayloads } from "../jobs/kinds";
import type { decisionSchema } from "./approvals";

/**
 * An admin's decision on a pending request, audited in the same transaction. Approving starts
 * the approved work as a job (for a URL: fetch and ingest it); rejecting runs nothing.
 */
export async function decideApproval(o: { tx: Tx; approvalId: number; admin: { id: number; username: string }; input: z.output<typeof decisionSchema> }) {
  const { tx } = o;
  const approval = await tx.approvalRequest.findUnique({ where: { id: o.approvalId } });
  if (!approval) throw new NotFoundError(`Approval ${o.approvalId}`);
  // The status check is in the update itself, so two admins deciding at once cannot both win.
  const status = o.input.decision === "approve" ? "approved" : "rejected";
  const { count } = await tx.approvalRequest.updateMany({
    where: { id: approval.id, status: "pending" },
    data: { status, decidedById: o.admin.id, decisionReason: o.input.reason, decidedAt: new Date() },
  });
  if (count !== 1) throw new ConflictError(`Approval ${approval.id} was already decided (${approval.status})`);

  let jobId: number | null = null;
  if (status === "approved") {
    if (approval.actionType !== "url_ingest") throw new ConflictError(`Approvals of "${approval.actionType}" cannot be carried out yet`);
    const payload = jobPayloads.url_ingest.parse({ ...(approval.payload as object), approval_id: approval.id });
    const job = await enqueue({ tx, kind: "url_ingest", payload, description: `Ingest ${approval.resource} (approved by ${o.admin.username})`, createdById: approval.requestedById, priority: 5 });
    jobId = job.id;
    await tx.approvalRequest.update({ where: { id: approval.id }, data: { jobId } });
  }
  await append({
    tx,
    actor: o.admin.username,
    action: `approval.${status === "approved" ? "approve" : "reject"}`,
    resource: `approval:${approval.id}`,
    subsystem: "governance",
    payload: { action_type: approval.actionType, resource: approval.resource, reason: o.input.reason, job_id: jobId },
    result: "success",
  });
  return tx.approvalRequest.findUniqueOrThrow({ where: { id: approval.id }, include: { requestedBy: { select: { username: true } }, decidedBy: { select: { username: true } } } });
}
