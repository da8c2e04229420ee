import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { governed } from "@/lib/governance/govern";
import { updatePolicySchema } from "@/lib/governance/policies/schemas";
import { serializePolicy } from "@/lib/governance/policies/serialize";

const params = idParams("a policy id");

// Any of {name, description, priority, severity, action_type, condition, decision, enabled}.
export const PATCH = route({ access: "admin", params, body: updatePolicySchema }, async ({ user, params, body }) =>
  serializePolicy(await governed({ actor: user, action: "governance.policy.update", payload: { id: params.id, changes: body } })),
);

export const DELETE = route({ access: "admin", params }, async ({ user, params }) => governed({ actor: user, action: "governance.policy.delete", payload: { id: params.id } }));
