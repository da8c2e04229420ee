import { z } from "zod";
import { actionForApproval } from "./actions";

export const APPROVAL_STATUSES = ["pending", "approved", "rejected", "executed", "failed", "expired"] as const;

export const decisionSchema = z.object({
  decision: z.enum(["approve", "reject"], { message: 'must be "approve" or "reject"' }),
  reason: z.string().trim().max(1000, "must be at most 1000 characters").default(""),
});

type ApprovalRow = {
  id: number;
  policyId?: number | null;
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
  expiresAt?: Date | null;
  executedAt?: Date | null;
  result?: unknown;
  error?: string | null;
  createdAt: Date;
};

export type JobSummary = { id: number; status: string; progress: number; error: string | null; result: unknown };

const HIDDEN = /password|secret|token_hash/i;

/** The held payload as admins see it: anything secret-looking hidden, long text cut. */
function visiblePayload(payload: unknown, depth = 0): unknown {
  if (typeof payload === "string") return payload.length > 2000 ? `${payload.slice(0, 2000)}… (${payload.length} characters)` : payload;
  if (Array.isArray(payload)) return depth > 5 ? "…" : payload.slice(0, 50).map((v) => visiblePayload(v, depth + 1));
  if (payload && typeof payload === "object") {
    if (depth > 5) return "…";
    return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, HIDDEN.test(k) ? "(hidden)" : visiblePayload(v, depth + 1)]));
  }
  return payload;
}

export function serializeApproval(a: ApprovalRow, job?: JobSummary | null, policy?: { id: number; name: string } | null, now = new Date()) {
  const payload = (a.payload ?? {}) as Record<string, unknown>;
  const action = actionForApproval(a.actionType);
  // One that expired but was not swept yet already reads as expired.
  const status = a.status === "pending" && a.expiresAt && a.expiresAt <= now ? "expired" : a.status;
  return {
    id: a.id,
    action_type: a.actionType,
    action: action?.name ?? a.actionType,
    action_label: action?.label ?? a.actionType,
    resource: a.resource,
    status,
    reason: a.reason,
    trust_score: typeof payload.trust_score === "number" ? payload.trust_score : null,
    payload: visiblePayload(payload),
    policy_id: a.policyId ?? null,
    policy: policy?.name ?? null,
    requested_by: a.requestedBy?.username ?? null,
    requested_by_id: a.requestedById,
    decided_by: a.decidedBy?.username ?? null,
    decision_reason: a.decisionReason,
    decided_at: a.decidedAt?.toISOString() ?? null,
    expires_at: a.expiresAt?.toISOString() ?? null,
    executed_at: a.executedAt?.toISOString() ?? null,
    result: a.result ?? null,
    error: a.error ?? null,
    created_at: a.createdAt.toISOString(),
    job: job ? { id: job.id, status: job.status, progress: job.progress, error: job.error, result: job.result ?? null } : null,
  };
}
