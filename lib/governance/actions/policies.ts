import { z } from "zod";
import { idSchema } from "../../api/params";
import { createPolicy, deletePolicy, updatePolicy } from "../policies/manage";
import { createPolicySchema, updatePolicySchema } from "../policies/schemas";
import { serializePolicy } from "../policies/serialize";
import { defineAction } from "./define";

export const policyCreate = defineAction({
  name: "governance.policy.create",
  label: "Create a governance policy",
  payload: createPolicySchema,
  resource: (p) => `policy:${p.name}`,
  perform: async ({ tx, actor, payload }) => createPolicy({ tx, actor, input: payload }),
  summarize: serializePolicy,
});

export const policyUpdate = defineAction({
  name: "governance.policy.update",
  label: "Change a governance policy",
  payload: z.object({ id: idSchema("a policy id"), changes: updatePolicySchema }),
  resource: (p) => `policy:${p.id}`,
  perform: async ({ tx, actor, payload }) => updatePolicy({ tx, actor, id: payload.id, changes: payload.changes }),
  summarize: serializePolicy,
});

export const policyDelete = defineAction({
  name: "governance.policy.delete",
  label: "Delete a governance policy",
  payload: z.object({ id: idSchema("a policy id") }),
  resource: (p) => `policy:${p.id}`,
  perform: async ({ tx, actor, payload }) => deletePolicy({ tx, actor, id: payload.id }),
});
