// The API's shapes. The earlier API's fields stay (GET /api/hunter/alerts and /rules in
// LEGACY-API.md); Grace's are beside them.
import { targetsOf } from "./rule-fields";

type RuleRow = {
  id: number;
  name: string;
  description: string;
  target: string;
  kind: string;
  pattern: string;
  threshold: number | null;
  windowSeconds: number | null;
  severity: string;
  action: string;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** `pattern` is the whole pattern (the earlier API cut it at 50 characters for its list). */
export function serializeRule(r: RuleRow) {
  return {
    id: r.id,
    name: r.name,
    description: r.description || "No description provided",
    severity: r.severity,
    enabled: r.enabled,
    pattern: r.pattern,
    action: r.action,
    created_at: r.createdAt.toISOString(),
    target: r.target,
    targets: targetsOf(r.target),
    kind: r.kind,
    threshold: r.threshold,
    window_seconds: r.windowSeconds,
    updated_at: r.updatedAt.toISOString(),
  };
}

type EventRow = {
  id: number;
  ruleId: number | null;
  userId: number | null;
  actor: string;
  action: string;
  resource: string;
  severity: string;
  details: string;
  actionTaken: string;
  target: string;
  taskId: number | null;
  status: string;
  resolutionNote: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
};

const TAKEN: Record<string, string> = { alert: "Alert logged", blocked: "Blocked", logged: "Logged" };

export function serializeAlert(e: EventRow) {
  const dot = e.action.indexOf(".");
  return {
    id: e.id,
    timestamp: e.createdAt.toISOString(),
    severity: e.severity,
    rule_name: `${e.action} on ${e.resource}`,
    action_taken: `${TAKEN[e.actionTaken] ?? e.actionTaken} - ${e.status}`,
    details: e.details,
    user_id: e.userId,
    status: e.status,
    rule: dot >= 0 ? e.action.slice(dot + 1) : e.action,
    rule_id: e.ruleId,
    target: e.target,
    actor: e.actor,
    resource: e.resource,
    outcome: e.actionTaken,
    task_id: e.taskId,
    resolution_note: e.resolutionNote,
    resolved_by: e.resolvedBy,
    resolved_at: e.resolvedAt?.toISOString() ?? null,
  };
}
