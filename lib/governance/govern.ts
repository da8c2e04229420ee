// The one gate every governed action passes before it happens. The first enabled policy that
// matches (lib/governance/policies/match.ts) decides: allow → the action runs in the same
// transaction; review → an approval request holds it (423 {approval_id}); block → 403 naming
// the policy. Review and block decisions get their own audit entry in that transaction; an
// allow is recorded by the action's own entry (plus one naming the policy when a policy allowed it).
import type { z } from "zod";
import { append, canonicalJson } from "../audit";
import { config } from "../config";
import { db as defaultDb, Prisma, type Db, type Tx } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { ApprovalRequiredError, ForbiddenError, ValidationError } from "../errors";
import { ACTIONS, type ActionName, type PayloadOf, type ResultOf } from "./actions";
import type { ActionDef, Actor } from "./actions/define";
import { countsNeeded, matchPolicy, type PolicyRow } from "./policies/match";

type LooseAction = ActionDef<z.ZodType, unknown, unknown>;

export type Verdict =
  | { decision: "allow"; policy: PolicyRow | null }
  | { decision: "review"; policy: PolicyRow; approvalId: number; existing: boolean }
  | { decision: "block"; policy: PolicyRow };

export function actionDef(name: ActionName): LooseAction {
  return ACTIONS[name] as unknown as LooseAction;
}

/** The payload checked against the action's schema; fields are named relative to the payload. */
export function parsePayload(name: ActionName, payload: unknown): unknown {
  const parsed = actionDef(name).payload.safeParse(payload);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ field: i.path.map(String).join(".") || "payload", message: i.message })));
  return parsed.data;
}

/**
 * Decides an action inside the caller's transaction and records the decision; does not run
 * the action and does not throw for review or block, so the caller can commit the record
 * first (see governed, and requestUrlIngest for a caller that answers a review with 202).
 */
export async function evaluateAction(o: { tx: Tx; actor: Actor; action: ActionName; payload: unknown; now?: Date }): Promise<Verdict> {
  const { tx, actor } = o;
  const def = actionDef(o.action);
  const now = o.now ?? new Date();
  const resource = def.resource(o.payload);
  const policies = await tx.governancePolicy.findMany({ where: { actionType: def.name, enabled: true } });
  const recent = new Map<number, number>();
  for (const seconds of countsNeeded(policies, def.name)) {
    // Counted from the audit log: the entries this action's verb wrote for this actor.
    recent.set(seconds, await tx.logEntry.count({ where: { action: def.name, actor: actor.username, timestamp: { gte: new Date(now.getTime() - seconds * 1000) } } }));
  }
  const policy = matchPolicy(policies, { actionType: def.name, resource, payload: o.payload, role: actor.role, trustScore: def.trustScore?.(o.payload) ?? null, now, recent });
  const about = { action_type: def.name, resource, policy: policy?.name ?? null, policy_id: policy?.id ?? null };

  if (!policy || policy.decision === "allow") {
    if (policy) await append({ tx, actor: actor.username, action: "governance.allow", resource, subsystem: "governance", payload: about, result: "success" });
    return { decision: "allow", policy };
  }
  if (policy.decision === "block") {
    await append({ tx, actor: actor.username, action: "governance.block", resource, subsystem: "governance", payload: about, result: "denied" });
    return { decision: "block", policy };
  }
  const storedType = def.legacyType ?? def.name;
  const payloadText = canonicalJson(o.payload as Record<string, unknown>);
  // The same request asked again while it waits is the same approval, not a second one.
  const waiting = await tx.approvalRequest.findMany({ where: { actionType: storedType, resource, requestedById: actor.id, status: "pending", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } });
  const same = waiting.find((a) => canonicalJson(stripApprovalFields(a.payload)) === payloadText);
  const approval =
    same ??
    (await tx.approvalRequest.create({
      data: {
        policyId: policy.id,
        actionType: storedType,
        resource,
        payload: o.payload as Prisma.InputJsonValue,
        requestedById: actor.id,
        reason: `Policy "${policy.name}": ${def.label.toLowerCase()} needs an admin's approval`,
        expiresAt: new Date(now.getTime() + config.approvalTtlSeconds * 1000),
      },
    }));
  await append({ tx, actor: actor.username, action: "approval.request", resource: `approval:${approval.id}`, subsystem: "governance", payload: { ...about, existing: Boolean(same) }, result: "pending" });
  return { decision: "review", policy, approvalId: approval.id, existing: Boolean(same) };
}

// URL approvals filed before the registry carried the requester's id in their payload.
function stripApprovalFields(payload: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries((payload ?? {}) as Record<string, unknown>).filter(([k]) => k !== "user_id" && k !== "approval_id"));
}

/** The error a review or block verdict answers with, once its record is committed. */
export function verdictError(verdict: Verdict): Error | null {
  if (verdict.decision === "block") return new ForbiddenError(`Blocked by policy "${verdict.policy.name}"`);
  if (verdict.decision === "review") return new ApprovalRequiredError(`Awaiting approval: policy "${verdict.policy.name}" holds this for an admin (approval ${verdict.approvalId})`, verdict.approvalId);
  return null;
}

/**
 * Runs a governed action as `actor`: validates the payload, does the action's slow preparation,
 * then in one audited transaction decides and (if allowed) performs it. Throws 423 with the
 * approval's id when a policy holds it, 403 naming the policy when one blocks it.
 */
export async function governed<N extends ActionName>(o: { actor: Actor; action: N; payload: PayloadOf<N>; db?: Db }): Promise<ResultOf<N>> {
  const db = o.db ?? defaultDb;
  const def = actionDef(o.action);
  const payload = parsePayload(o.action, o.payload);
  const prepared = def.prepare ? await def.prepare({ db, actor: o.actor, payload }) : undefined;
  const outcome = await writeTransaction(async (tx) => {
    const verdict = await evaluateAction({ tx, actor: o.actor, action: o.action, payload });
    if (verdict.decision !== "allow") return { verdict, result: undefined };
    return { verdict, result: await def.perform({ tx, actor: o.actor, payload, prepared }) };
  }, db);
  const refusal = verdictError(outcome.verdict);
  if (refusal) throw refusal;
  return outcome.result as ResultOf<N>;
}
