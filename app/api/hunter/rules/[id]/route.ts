import { z } from "zod";
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { governed } from "@/lib/governance/govern";
import { serializeRule } from "@/lib/hunter/serialize";
import { updateRuleSchema } from "@/lib/hunter/rule-input";

const params = idParams("a rule id");
// The earlier API's ?enabled=true|false still works; body fields win over it.
const query = z.object({ enabled: z.enum(["true", "false"]).transform((v) => v === "true").optional() });

// A governed action: a policy on hunter.rule.update may hold the change for an admin (423) or block it.
export const PATCH = route({ access: "admin", params, body: updateRuleSchema, query }, async ({ user, params, body, query }) => {
  const changes = { ...(query.enabled !== undefined ? { enabled: query.enabled } : {}), ...body };
  return serializeRule(await governed({ actor: user, action: "hunter.rule.update", payload: { id: params.id, changes } }));
});
