type PolicyRecord = {
  id: number;
  name: string;
  description: string;
  actionType: string;
  severity: string;
  condition: unknown;
  decision: string;
  enabled: boolean;
  priority: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The earlier API's fields (condition as JSON text, `action` for the decision) and the new ones. */
export function serializePolicy(p: PolicyRecord) {
  const condition = p.condition ?? null;
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    severity: p.severity,
    condition: condition === null ? "" : JSON.stringify(condition),
    action: p.decision,
    decision: p.decision,
    action_type: p.actionType,
    condition_object: condition,
    priority: p.priority,
    enabled: p.enabled,
    created_by: p.createdBy,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}

export type SerializedPolicy = ReturnType<typeof serializePolicy>;
