import { z } from "zod";
import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { bareList } from "@/lib/api/bare-list";
import { paginationQuery } from "@/lib/api/pagination";
import { governed } from "@/lib/governance/govern";
import { ACTION_NAMES } from "@/lib/governance/actions/names";
import { listPolicies } from "@/lib/governance/policies/list";
import { createPolicySchema } from "@/lib/governance/policies/schemas";
import { serializePolicy } from "@/lib/governance/policies/serialize";

const query = paginationQuery.extend({ action_type: z.enum(ACTION_NAMES, { message: "must be a governed action" }).optional() });

// The earlier API's bare array, in the order policies are consulted; next page in X-Next-Cursor.
export const GET = route({ access: "admin", query }, async ({ query }) => {
  const { items, next_cursor } = await listPolicies({ limit: query.limit, cursor: query.cursor, actionType: query.action_type });
  return bareList(items, next_cursor);
});

// Creating a policy is itself governed (governance.policy.create): 423 if a policy holds it.
export const POST = route({ access: "admin", body: createPolicySchema }, async ({ user, body }) =>
  json(serializePolicy(await governed({ actor: user, action: "governance.policy.create", payload: body })), { status: 201 }),
);
