// What a security rule is made of. A rule's `target` is one of TARGETS or several of them
// joined by commas ("chat,content,code"): a secret or a prompt injection is the same pattern
// whether it is typed into chat, ingested or written into code, so it is one row, not three.
export const TARGETS = ["chat", "content", "code", "auth", "request"] as const;
export const KINDS = ["regex", "keywords", "threshold"] as const;
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const ACTIONS = ["log", "alert", "block"] as const;

export type Target = (typeof TARGETS)[number];
export type RuleKind = (typeof KINDS)[number];
export type Severity = (typeof SEVERITIES)[number];
export type RuleAction = (typeof ACTIONS)[number];

/** The targets a stored `target` names ("all", which early code rules used, is every text target). */
export function targetsOf(stored: string): Target[] {
  if (stored === "all") return ["chat", "content", "code"];
  return stored
    .split(",")
    .map((t) => t.trim())
    .filter((t): t is Target => (TARGETS as readonly string[]).includes(t));
}

export function severityOf(value: string): Severity {
  return (SEVERITIES as readonly string[]).includes(value) ? (value as Severity) : "medium";
}

export function actionOf(value: string): RuleAction {
  return (ACTIONS as readonly string[]).includes(value) ? (value as RuleAction) : "alert";
}

/** Alerts at these severities make a task for an admin and show live on open pages. */
export function isUrgent(severity: string): boolean {
  return severity === "high" || severity === "critical";
}
