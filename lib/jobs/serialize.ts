import type { AuthUser } from "../auth/schemas";
import { canSeeJobResult } from "../auth/access";

type JobRow = {
  id: number;
  kind: string;
  description: string;
  status: string;
  priority: number;
  progress: number;
  progressMessage: string | null;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  result: unknown;
  error: string | null;
  payload: unknown;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The legacy executor shape ({task_id, task_type, …}) with the queue's new fields beside it. */
export function serializeJob(j: JobRow) {
  return {
    task_id: String(j.id),
    id: j.id,
    task_type: j.kind,
    description: j.description,
    status: j.status,
    priority: j.priority,
    progress: j.progress,
    progress_message: j.progressMessage,
    attempts: j.attempts,
    max_attempts: j.maxAttempts,
    run_at: iso(j.runAt),
    lease_owner: j.leaseOwner,
    lease_expires_at: iso(j.leaseExpiresAt),
    payload: j.payload,
    result: j.result,
    error: j.error,
    created_at: iso(j.createdAt),
    started_at: iso(j.startedAt),
    completed_at: iso(j.finishedAt),
  };
}

/** What a given user may see of a job: a loop cycle reports on everybody's data, so only admins see its result. */
export function serializeJobFor(viewer: Pick<AuthUser, "role">, j: JobRow) {
  const out = serializeJob(j);
  return canSeeJobResult(viewer, j) ? out : { ...out, result: null };
}
