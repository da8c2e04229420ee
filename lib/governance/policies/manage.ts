// Creating, changing and deleting policies, each audited in the caller's transaction. These
// are governed actions themselves (governance.policy.*), so a seeded review policy can make
// every policy change wait for a second admin.
import { Prisma, type Tx } from "../../db/client";
import { append } from "../../audit";
import { ConflictError, NotFoundError } from "../../errors";
import type { PolicyChanges, PolicyInput } from "./schemas";

// An empty condition is stored as none: both match every action of the policy's type.
const jsonOrNull = (v: object | null | undefined) => (!v || Object.keys(v).length === 0 ? Prisma.DbNull : (v as Prisma.InputJsonValue));

function audit(tx: Tx, actor: string, action: string, id: number, payload: Record<string, unknown>) {
  return append({ tx, actor, action, resource: `policy:${id}`, subsystem: "governance", payload, result: "success" });
}

async function assertNameFree(tx: Tx, name: string, exceptId?: number) {
  const clash = await tx.governancePolicy.findUnique({ where: { name }, select: { id: true } });
  if (clash && clash.id !== exceptId) throw new ConflictError(`A policy named "${name}" already exists (policy ${clash.id})`);
}

export async function createPolicy(o: { tx: Tx; actor: { username: string }; input: PolicyInput }) {
  const { tx, input } = o;
  await assertNameFree(tx, input.name);
  const created = await tx.governancePolicy.create({
    data: {
      name: input.name,
      description: input.description,
      priority: input.priority,
      severity: input.severity,
      actionType: input.action_type,
      condition: jsonOrNull(input.condition),
      decision: input.decision,
      enabled: input.enabled,
      createdBy: o.actor.username,
    },
  });
  await audit(tx, o.actor.username, "governance.policy.create", created.id, { name: created.name, action_type: created.actionType, decision: created.decision, priority: created.priority, enabled: created.enabled, condition: input.condition });
  return created;
}

export async function updatePolicy(o: { tx: Tx; actor: { username: string }; id: number; changes: PolicyChanges }) {
  const { tx, changes } = o;
  const before = await tx.governancePolicy.findUnique({ where: { id: o.id } });
  if (!before) throw new NotFoundError(`Policy ${o.id}`);
  if (changes.name !== undefined) await assertNameFree(tx, changes.name, before.id);
  const updated = await tx.governancePolicy.update({
    where: { id: before.id },
    data: {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.priority !== undefined ? { priority: changes.priority } : {}),
      ...(changes.severity !== undefined ? { severity: changes.severity } : {}),
      ...(changes.action_type !== undefined ? { actionType: changes.action_type } : {}),
      ...(changes.condition !== undefined ? { condition: jsonOrNull(changes.condition) } : {}),
      ...(changes.decision !== undefined ? { decision: changes.decision } : {}),
      ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}),
    },
  });
  await audit(tx, o.actor.username, "governance.policy.update", updated.id, { name: updated.name, changes, before: { decision: before.decision, enabled: before.enabled, priority: before.priority } });
  return updated;
}

export async function deletePolicy(o: { tx: Tx; actor: { username: string }; id: number }) {
  const { tx } = o;
  const before = await tx.governancePolicy.findUnique({ where: { id: o.id } });
  if (!before) throw new NotFoundError(`Policy ${o.id}`);
  await tx.governancePolicy.delete({ where: { id: before.id } });
  await audit(tx, o.actor.username, "governance.policy.delete", before.id, { name: before.name, action_type: before.actionType, decision: before.decision });
  return { deleted: true as const, id: before.id, name: before.name };
}
