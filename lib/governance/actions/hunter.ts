import { z } from "zod";
import { idSchema } from "../../api/params";
import { updateRuleSchema } from "../../hunter/rule-input";
import { checkRuleUpdate, updateRule } from "../../hunter/update-rule";
import { serializeRule } from "../../hunter/serialize";
import { defineAction } from "./define";

/** A change to a Hunter security rule (PATCH /api/hunter/rules/:id), enabling or disabling it included. */
export const hunterRuleUpdate = defineAction({
  name: "hunter.rule.update",
  label: "Change a security rule",
  payload: z.object({ id: idSchema("a rule id"), changes: updateRuleSchema }),
  resource: (p) => `security_rule:${p.id}`,
  prepare: ({ db, payload }) => checkRuleUpdate({ db, id: payload.id, input: payload.changes }),
  perform: ({ tx, actor, payload }) => updateRule({ tx, admin: actor, id: payload.id, input: payload.changes }),
  summarize: (rule) => serializeRule(rule),
});
