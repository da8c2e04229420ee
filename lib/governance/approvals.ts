import { z } from "zod";

export const APPROVAL_STATUSES = ["pending", "approved", "rejected", "executed", "failed"] as const;

export const decisionSchema = z.object({
  decision: z.enum(["approve", "reject"], { message: 'must be "approve" or "reject"' }),
  reason: z.string().trim().max(1000, "must be at most 1000 characters").default(""),
});

type ApprovalRow = {
  id: number;
  actionType: string;
  resource: string;
  payload: unknown;
  status: string;
  reason: string;
  requestedBy?: { username: string } | null;
  requestedById: number;
  decidedBy?: { username: string } | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  jobId: number | null;
  createdAt: Date;
};

export type JobSummary = { id: number; status: string; progress: number; error: string | null; result: unknown };

export function serializeApproval(a: ApprovalRow, job?: JobSummary | null) {
  const payload = (a.payload ?? {}) as Record<string, unknown>;
  return {
    id: a.id,
    action_type: a.actionType,
    resource: a.resource,
    status: a.status,
    reason: a.reason,
    trust_score: typeof payload.trust_score === "number" ? payload.trust_score : null,
    requested_by: a.requestedBy?.username ?? null,
    requested_by_id: a.requestedById,
    decided_by: a.decidedBy?.username ?? null,
    decision_reason: a.decisionReason,
    decided_at: a.decidedAt?.toISOString() ?? null,
    created_at: a.createdAt.toISOString(),
    job: job ? { id: job.id, status: job.status, progress: job.progress, error: job.error, result: job.result ?? null } : null,
  };
}
