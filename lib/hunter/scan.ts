// The hook through which the security scanner (Hunter) sees what people send: chat messages,
// ingested content and code. The rules in SecurityRule (regex and keywords) are applied to
// chat and content here (rule-scanner.ts); code rules by the code scanner (code-scanner.ts,
// registered by lib/code/check-code.ts); other scanners can be registered. Findings are
// returned; the caller stores them with the change they are about, in the same transaction
// (recordFindings), or refuses the change when a finding says "block". Scanning is CPU work:
// call scan() before the write transaction opens.
import type { Db } from "../db/client";
import { scanWithRules } from "./rule-scanner";

export type ScanTarget = "chat" | "code" | "content";
export type ScanInput = { target: ScanTarget; text: string; user: { id: number; username: string } };
export type Finding = {
  rule: string;
  ruleId?: number | null;
  severity: "low" | "medium" | "high" | "critical";
  details: string;
  /** "log" records it quietly; "alert" also tells admins (high and critical: a task and a live event); "block" also refuses the action. */
  action: "log" | "alert" | "block";
};
export type Scanner = (input: ScanInput) => Finding[] | Promise<Finding[]>;

const scanners = new Set<Scanner>();

/** Adds a scanner; returns the function that removes it again. */
export function registerScanner(scanner: Scanner): () => void {
  scanners.add(scanner);
  return () => scanners.delete(scanner);
}

export async function scan(input: ScanInput & { db?: Db }): Promise<Finding[]> {
  const { db, ...rest } = input;
  const findings: Finding[] = input.target === "code" ? [] : await scanWithRules({ db, target: input.target, text: input.text });
  for (const scanner of scanners) findings.push(...(await scanner(rest)));
  return findings;
}

export { recordFindings } from "./record-findings";
