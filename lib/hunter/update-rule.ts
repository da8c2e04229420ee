import { Prisma, type Db, type Tx } from "../db/client";
import { append } from "../audit";
import { ConflictError, invalid, NotFoundError } from "../errors";
import { afterCommit } from "../db/after-commit";
import { checkRule } from "./compile-rule";
import { invalidateRules } from "./load-rules";
import type { UpdateRuleInput } from "./rule-input";

type RuleShape = { kind: string; pattern: string; target: string; threshold: number | null; windowSeconds: number | null };

function merged(r: RuleShape, i: UpdateRuleInput): RuleShape {
  const kind = i.kind ?? r.kind;
  return {
    kind,
    pattern: i.pattern ?? r.pattern,
    target: i.target ?? r.target,
    threshold: kind === "threshold" ? (i.threshold !== undefined ? i.threshold : r.threshold) : null,
    windowSeconds: kind === "threshold" ? (i.window_seconds !== undefined ? i.window_seconds : r.windowSeconds) : null,
  };
}

/**
 * Checks a change before any transaction opens (compiling a pattern is CPU work): 422 when
 * there is nothing to change or the rule as it would be is unusable, 404 for no such rule.
 */
export async function checkRuleUpdate(o: { db: Db; id: number; input: UpdateRuleInput }): Promise<void> {
  if (!Object.values(o.input).some((v) => v !== undefined)) throw invalid("enabled", "nothing to change: send enabled, pattern or another field of the rule");
  const before = await o.db.securityRule.findUnique({ where: { id: o.id } });
  if (!before) throw new NotFoundError("Rule");
  checkRule(merged(before, o.input));
}

/**
 * Changes a rule (enabling or disabling it, or anything else) in the caller's transaction,
 * audited with what changed; every process drops its cached rules once it commits. Called by
 * the governed action hunter.rule.update (lib/governance/actions/hunter.ts), so a policy may
 * hold the change for an admin. The rule is checked again against the row read here, so a
 * concurrent change cannot slip an unusable pattern through.
 */
export async function updateRule(o: { tx: Tx; admin: { username: string }; id: number; input: UpdateRuleInput }) {
  const { tx, input: i } = o;
  const current = await tx.securityRule.findUnique({ where: { id: o.id } });
  if (!current) throw new NotFoundError("Rule");
  const next = merged(current, i);
  if (next.pattern !== current.pattern || next.kind !== current.kind || next.target !== current.target) checkRule(next);
  const data = {
    ...next,
    ...(i.name !== undefined ? { name: i.name } : {}),
    ...(i.description !== undefined ? { description: i.description } : {}),
    ...(i.severity !== undefined ? { severity: i.severity } : {}),
    ...(i.action !== undefined ? { action: i.action } : {}),
    ...(i.enabled !== undefined ? { enabled: i.enabled } : {}),
  };
  if (i.name !== undefined && i.name !== current.name && (await tx.securityRule.findUnique({ where: { name: i.name }, select: { id: true } }))) {
    throw new ConflictError(`A rule named "${i.name}" already exists`);
  }
  let updated;
  try {
    updated = await tx.securityRule.update({ where: { id: o.id }, data });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError(`A rule named "${i.name}" already exists`);
    throw error;
  }
  const changes = Object.fromEntries(
    Object.entries(data)
      .filter(([k, v]) => current[k as keyof typeof current] !== v)
      .map(([k, v]) => [k === "windowSeconds" ? "window_seconds" : k, v]),
  );
  await append({ tx, actor: o.admin.username, action: "hunter.rule.update", resource: `security_rule:${o.id}`, subsystem: "hunter", payload: { name: updated.name, changes }, result: "success" });
  afterCommit({ tx, run: () => invalidateRules() });
  return updated;
}
