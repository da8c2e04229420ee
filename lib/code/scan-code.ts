// The code rules applied to a program: diagnostics for the editor (one per line a rule
// matched) and Hunter findings (one per rule, recorded as a security event by the caller).
import type { Db } from "../db/client";
import type { Finding } from "../hunter/scan";
import { languageOf } from "./languages";
import { loadCodeRules, type CodeRule } from "./rules";
import { matchCodeRules, type RuleHit } from "./match-rules";

export type Diagnostic = {
  /** 1-based, as editors count (columns in UTF-16 units; the end is exclusive). */
  line: number;
  column: number;
  end_line?: number;
  end_column?: number;
  severity: "error" | "warning" | "info";
  rule: string;
  message: string;
  source: "hunter";
};

export type CodeCheck = { diagnostics: Diagnostic[]; findings: Finding[] };

function severityOf(rule: CodeRule): Diagnostic["severity"] {
  if (rule.action === "block" || rule.severity === "critical") return "error";
  return rule.severity === "low" ? "info" : "warning";
}

function findings(hits: RuleHit[], fileName: string): Finding[] {
  const byRule = new Map<number, RuleHit[]>();
  for (const hit of hits) byRule.set(hit.rule.id, [...(byRule.get(hit.rule.id) ?? []), hit]);
  return [...byRule.values()].map((list) => {
    const { rule, line, column } = list[0];
    const more = list.length > 1 ? ` and ${list.length - 1} more ${list.length === 2 ? "line" : "lines"}` : "";
    return {
      rule: rule.name,
      ruleId: rule.id,
      severity: rule.severity,
      details: `${rule.description || rule.name} (${fileName}:${line}:${column}${more})`,
      action: rule.action,
    };
  });
}

export async function scanCode(o: { db?: Db; language: string | null; fileName?: string | null; code: string }): Promise<CodeCheck> {
  const rules = await loadCodeRules({ db: o.db });
  const hits = matchCodeRules({ rules, language: languageOf(o), code: o.code });
  const diagnostics = hits.map(
    (hit): Diagnostic => ({
      line: hit.line,
      column: hit.column,
      end_line: hit.endLine,
      end_column: hit.endColumn,
      severity: severityOf(hit.rule),
      rule: hit.rule.name,
      message: hit.rule.description || hit.rule.name,
      source: "hunter",
    }),
  );
  return { diagnostics, findings: findings(hits, o.fileName ?? "code") };
}
