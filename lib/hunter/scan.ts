// The hook through which the security scanner (Hunter) sees what people send: chat messages
// now; code and ingested content use the same entry point. Scanners are registered at
// start-up and return findings; the caller stores them with the change they are about, in
// the same transaction (recordFindings), or refuses the change when a finding says "block".
import type { Tx } from "../db/client";
import { appendMany } from "../audit";
import { HUNTER_ACTOR } from "../audit/actors";

export type ScanTarget = "chat" | "code" | "content";
export type ScanInput = { target: ScanTarget; text: string; user: { id: number; username: string } };
export type Finding = {
  rule: string;
  ruleId?: number | null;
  severity: "low" | "medium" | "high" | "critical";
  details: string;
  /** "alert" records it; "block" also refuses the action. */
  action: "alert" | "block";
};
export type Scanner = (input: ScanInput) => Finding[] | Promise<Finding[]>;

const scanners = new Set<Scanner>();

/** Adds a scanner; returns the function that removes it again. */
export function registerScanner(scanner: Scanner): () => void {
  scanners.add(scanner);
  return () => scanners.delete(scanner);
}

export async function scan(input: ScanInput): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const scanner of scanners) findings.push(...(await scanner(input)));
  return findings;
}

/** Stores findings as security events, audited, in the caller's transaction. */
export async function recordFindings(o: { tx: Tx; findings: Finding[]; input: ScanInput; resource: string; blocked?: boolean }) {
  const { tx } = o;
  if (!o.findings.length) return;
  const actionTaken = o.blocked ? "blocked" : "alert";
  await tx.securityEvent.createMany({
    data: o.findings.map((f) => ({ ruleId: f.ruleId ?? null, userId: o.input.user.id, actor: o.input.user.username, action: `${o.input.target}.${f.rule}`, resource: o.resource, severity: f.severity, details: f.details, actionTaken })),
  });
  await appendMany({
    tx,
    events: o.findings.map((f) => ({ actor: HUNTER_ACTOR, action: "hunter.alert", resource: o.resource, subsystem: "hunter", payload: { rule: f.rule, severity: f.severity, target: o.input.target, user: o.input.user.username, action_taken: actionTaken }, result: actionTaken })),
  });
}
