// What an admin sends to create or change a rule (POST and PATCH /api/hunter/rules). The
// pattern's own check (re2js compiles it; a threshold names a counter) is in compile-rule.ts.
import { z } from "zod";
import { ACTIONS, KINDS, SEVERITIES, TARGETS } from "./rule-fields";

// Stored as "chat,content": that form is accepted too, so a parsed change parses again to
// itself (a governed change is parsed when asked and again when an approval replays it).
const target = z.preprocess(
  (t) => (typeof t === "string" && t.includes(",") ? t.split(",") : t),
  z.union([z.enum(TARGETS), z.array(z.enum(TARGETS)).min(1, "needs at least one target").max(TARGETS.length)]).transform((t) => (Array.isArray(t) ? [...new Set(t)].join(",") : t)),
);

export const ruleFields = {
  name: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, "must be a short name of letters, digits, '.', '-' or '_' (e.g. pii.card_amex)"),
  description: z.string().trim().max(500, "must be at most 500 characters"),
  target,
  kind: z.enum(KINDS),
  pattern: z.string().min(1, "is required").max(10_000, "must be at most 10000 characters"),
  threshold: z.number().int("must be a whole number").min(1, "must be at least 1").max(1_000_000, "must be at most 1000000").nullable(),
  window_seconds: z.number().int("must be a whole number").min(1, "must be at least 1").max(2_592_000, "must be at most 2592000 (30 days)").nullable(),
  severity: z.enum(SEVERITIES),
  action: z.enum(ACTIONS),
  enabled: z.boolean(),
};

export const createRuleSchema = z.object({
  ...ruleFields,
  description: ruleFields.description.default(""),
  kind: ruleFields.kind.default("regex"),
  threshold: ruleFields.threshold.optional(),
  window_seconds: ruleFields.window_seconds.optional(),
  severity: ruleFields.severity.default("medium"),
  action: ruleFields.action.default("alert"),
  enabled: ruleFields.enabled.default(true),
});
export type CreateRuleInput = z.output<typeof createRuleSchema>;

export const updateRuleSchema = z.object(ruleFields).partial();
export type UpdateRuleInput = z.output<typeof updateRuleSchema>;
