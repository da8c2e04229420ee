// The stored regex and keywords rules as a scanner of chat messages and ingested content.
import type { Db } from "../db/client";
import type { Finding } from "./scan";
import { loadRules } from "./load-rules";
import { matchText, MAX_SCAN_CHARS, type TextMatch } from "./match-text";

export function findingOf(m: TextMatch): Finding {
  const what = m.rule.description || m.rule.name;
  const cut = m.truncated ? ` (only the first ${MAX_SCAN_CHARS / 1024} KB of the text was scanned)` : "";
  return { rule: m.rule.name, ruleId: m.rule.id, severity: m.rule.severity, details: `${what}: ${m.excerpt}${cut}`, action: m.rule.action };
}

export async function scanWithRules(o: { db?: Db; target: "chat" | "content"; text: string }): Promise<Finding[]> {
  const rules = await loadRules({ target: o.target, db: o.db });
  return matchText({ rules, text: o.text }).map(findingOf);
}
