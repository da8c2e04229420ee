import { db as defaultDb, Prisma, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { ConflictError } from "../errors";
import { checkRule } from "./compile-rule";
import { invalidateRules } from "./load-rules";
import type { CreateRuleInput } from "./rule-input";
import { serializeRule } from "./serialize";

/** A new rule, checked (re2js compiles its pattern: 422 on `pattern` otherwise) before the transaction opens. */
export async function createRule(o: { admin: { username: string }; input: CreateRuleInput; db?: Db }) {
  const i = o.input;
  const threshold = i.kind === "threshold" ? (i.threshold ?? null) : null;
  const windowSeconds = i.kind === "threshold" ? (i.window_seconds ?? null) : null;
  checkRule({ kind: i.kind, pattern: i.pattern, target: i.target, threshold, windowSeconds });
  const db = o.db ?? defaultDb;
  try {
    const row = await writeTransaction(async (tx) => {
      const created = await tx.securityRule.create({
        data: { name: i.name, description: i.description, target: i.target, kind: i.kind, pattern: i.pattern, threshold, windowSeconds, severity: i.severity, action: i.action, enabled: i.enabled },
      });
      await append({ tx, actor: o.admin.username, action: "hunter.rule.create", resource: `security_rule:${created.id}`, subsystem: "hunter", payload: { name: created.name, target: created.target, kind: created.kind, pattern: created.pattern, threshold, window_seconds: windowSeconds, severity: created.severity, action: created.action, enabled: created.enabled }, result: "success" });
      return created;
    }, db);
    invalidateRules({ db });
    return serializeRule(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError(`A rule named "${i.name}" already exists`);
    throw error;
  }
}
