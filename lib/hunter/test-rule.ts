import { db as defaultDb, type Db } from "../db/client";
import { invalid, NotFoundError } from "../errors";
import { checkRule, compileRule } from "./compile-rule";
import { allMatches, MAX_SCAN_CHARS } from "./match-text";
import { validatorNameFor } from "./validators";

/**
 * What a rule matches in a sample text, masked as an event would store it; nothing is
 * stored. Works on disabled rules too (to try one before enabling it).
 */
export async function testRule(o: { id: number; text: string; db?: Db }) {
  const db = o.db ?? defaultDb;
  const row = await db.securityRule.findUnique({ where: { id: o.id } });
  if (!row) throw new NotFoundError("Rule");
  if (row.kind === "threshold") throw invalid("text", "this is a threshold rule: it counts events (sign-in failures, exported rows), so there is no text to test");
  checkRule(row);
  const rule = compileRule(row)!;
  const matches = allMatches({ rule, text: o.text });
  return {
    rule: { id: row.id, name: row.name, kind: row.kind, enabled: row.enabled, action: row.action, severity: row.severity },
    matched: matches.length > 0,
    matches: matches.map((m) => ({ start: m.start, end: m.end, excerpt: m.excerpt })),
    truncated: o.text.length > MAX_SCAN_CHARS,
    validator: validatorNameFor(row.name),
  };
}
