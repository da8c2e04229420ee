import { z } from "zod";
import { ACTION_NAMES } from "../actions/names";
import { conditionSchema } from "./condition";

export const DECISIONS = ["allow", "review", "block"] as const;
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;

/** An object ({} matches every action of the type), or the earlier API's JSON text of one. */
const conditionField = z.preprocess(
  (raw, ctx) => {
    if (typeof raw !== "string") return raw;
    if (raw.trim() === "") return {};
    try {
      return JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a JSON object" });
      return z.NEVER;
    }
  },
  conditionSchema,
);

const fields = {
  name: z.string({ message: "must be text" }).trim().min(1, "is required").max(128, "must be at most 128 characters"),
  description: z.string({ message: "must be text" }).trim().max(1000, "must be at most 1000 characters"),
  priority: z.number({ message: "must be a number" }).int("must be a whole number").min(0, "must be at least 0").max(1_000_000, "must be at most 1000000"),
  severity: z.enum(SEVERITIES, { message: `must be one of ${SEVERITIES.join(", ")}` }),
  action_type: z.enum(ACTION_NAMES, { message: `must be a governed action: ${ACTION_NAMES.join(", ")}` }),
  condition: conditionField,
  decision: z.enum(DECISIONS, { message: `must be one of ${DECISIONS.join(", ")}` }),
  enabled: z.boolean({ message: "must be true or false" }),
};

/** POST /api/governance/policies. `action` is the earlier API's name for `decision`. */
export const createPolicySchema = z
  .object({
    name: fields.name,
    description: fields.description.default(""),
    priority: fields.priority.default(100),
    severity: fields.severity.default("low"),
    action_type: fields.action_type,
    condition: fields.condition.optional(),
    decision: fields.decision.optional(),
    action: fields.decision.optional(),
    enabled: fields.enabled.default(true),
  })
  .transform(({ action, ...p }) => ({ ...p, condition: p.condition ?? {}, decision: p.decision ?? action ?? "allow" }));

/** PATCH /api/governance/policies/:id: any of the fields. */
export const updatePolicySchema = z
  .object({
    name: fields.name.optional(),
    description: fields.description.optional(),
    priority: fields.priority.optional(),
    severity: fields.severity.optional(),
    action_type: fields.action_type.optional(),
    condition: fields.condition.optional(),
    decision: fields.decision.optional(),
    enabled: fields.enabled.optional(),
  })
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), "change at least one field");

export type PolicyInput = z.output<typeof createPolicySchema>;
export type PolicyChanges = z.output<typeof updatePolicySchema>;
