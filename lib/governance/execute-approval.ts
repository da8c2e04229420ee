// The worker's side of an approval: runs the held action as its requester, exactly once. The
// approval is claimed (approved → executed) in the same transaction that performs the action,
// so a job that runs twice (a lost lease, a retry) finds it claimed and does nothing, and an
// action that fails leaves nothing behind but the failure.
import type { z } from "zod";
import { append } from "../audit";
import { isAdmin } from "../auth/access";
import { WORKER_ACTOR } from "../audit/actors";
import type { Db, Prisma, Tx } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { DomainError, NotFoundError, ValidationError } from "../errors";
import { PermanentJobError } from "../jobs/finish";
import { actionForApproval } from "./actions";
import type { ActionDef, Actor } from "./actions/define";

type LooseAction = ActionDef<z.ZodType, unknown, unknown>;

/** The requester as the action runs them: their role now, not when they asked. */
export async function actorOf(o: { db: Db | Tx; userId: number }): Promise<Actor> {
  const user = await o.db.user.findUnique({ where: { id: o.userId }, select: { id: true, username: true, role: true, disabledAt: true } });
  if (!user) throw new NotFoundError(`The requester (user ${o.userId})`);
  if (user.disabledAt) throw new PermanentJobError(`${user.username}'s account is disabled: the approved action does not run`);
  return { id: user.id, username: user.username, role: isAdmin(user) ? "admin" : "user" };
}

/** The held payload, checked again against the action's schema. */
export function heldPayload<A extends { payload: z.ZodType }>(action: A, payload: unknown): z.output<A["payload"]> {
  const parsed = action.payload.safeParse(payload ?? {});
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ field: i.path.map(String).join(".") || "payload", message: i.message })));
  return parsed.data as z.output<A["payload"]>;
}

export async function executeApproval(o: { db: Db; approvalId: number }) {
  const { db } = o;
  const approval = await db.approvalRequest.findUnique({ where: { id: o.approvalId } });
  if (!approval) throw new PermanentJobError(`approval ${o.approvalId} no longer exists`);
  if (approval.status !== "approved") return { skipped: true, status: approval.status };
  const action = actionForApproval(approval.actionType) as LooseAction | undefined;
  let summary: unknown;
  try {
    if (!action) throw new PermanentJobError(`no governed action "${approval.actionType}"`);
    const actor = await actorOf({ db, userId: approval.requestedById });
    const payload = heldPayload(action, approval.payload);
    const prepared = action.prepare ? await action.prepare({ db, actor, payload }) : undefined;
    const done = await writeTransaction(async (tx) => {
      const { count } = await tx.approvalRequest.updateMany({ where: { id: approval.id, status: "approved" }, data: { status: "executed", executedAt: new Date() } });
      if (count !== 1) return null;
      const result = await action.perform({ tx, actor, payload, prepared, approvalId: approval.id });
      summary = action.summarize ? action.summarize(result) : result;
      const failure = action.failure?.(result) ?? null;
      await tx.approvalRequest.update({
        where: { id: approval.id },
        data: { result: (summary ?? null) as Prisma.InputJsonValue, ...(failure ? { status: "failed", error: failure } : {}) },
      });
      await append({
        tx,
        actor: WORKER_ACTOR,
        action: failure ? "approval.failed" : "approval.executed",
        resource: `approval:${approval.id}`,
        subsystem: "governance",
        payload: { action_type: action.name, resource: approval.resource, requested_by_id: approval.requestedById, approved_by_id: approval.decidedById, ...(failure ? { error: failure } : {}) },
        result: failure ? "failure" : "success",
      });
      return { failure };
    }, db);
    if (!done) return { skipped: true, status: "executed" };
    if (done.failure) throw new PermanentJobError(done.failure);
    return { approval_id: approval.id, result: summary ?? null };
  } catch (error) {
    // The action's transaction rolled back, claim included. A refusal by the action itself is
    // final: recorded (a no-op when the action's transaction already recorded it), never
    // retried. Anything else (the database busy) lets the job retry.
    if (!(error instanceof DomainError)) throw error;
    await failApproval({ db, approvalId: approval.id, reason: error.message });
    throw new PermanentJobError(error.message);
  }
}

/** Marks an approved action failed (it did not run), audited; only while still approved. */
export async function failApproval(o: { db: Db; approvalId: number; reason: string }) {
  await writeTransaction(async (tx) => {
    const { count } = await tx.approvalRequest.updateMany({ where: { id: o.approvalId, status: "approved" }, data: { status: "failed", error: o.reason } });
    if (count) await append({ tx, actor: WORKER_ACTOR, action: "approval.failed", resource: `approval:${o.approvalId}`, subsystem: "governance", payload: { reason: o.reason }, result: "failure" });
  }, o.db);
}
