import { z } from "zod";
import { route } from "@/lib/api/route";
import { paginationQuery } from "@/lib/api/pagination";
import { bareList } from "@/lib/api/bare-list";
import { TARGETS } from "@/lib/hunter/rule-fields";
import { listRules } from "@/lib/hunter/list-rules";
import { createRule } from "@/lib/hunter/create-rule";
import { createRuleSchema } from "@/lib/hunter/rule-input";

const query = paginationQuery.extend({
  limit: paginationQuery.shape.limit.default(100),
  target: z.enum(TARGETS).optional(),
  enabled: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});

// The earlier API's bare array; the next page's cursor in X-Next-Cursor.
export const GET = route({ query }, async ({ query }) => {
  const { items, next_cursor } = await listRules({ limit: query.limit, cursor: query.cursor, target: query.target, enabled: query.enabled });
  return bareList(items, next_cursor);
});

export const POST = route({ access: "admin", body: createRuleSchema }, ({ user, body }) => createRule({ admin: user, input: body }));
