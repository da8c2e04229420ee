import { z } from "zod";
import { route } from "@/lib/api/route";
import { paginationQuery } from "@/lib/api/pagination";
import { bareList } from "@/lib/api/bare-list";
import { SEVERITIES, TARGETS } from "@/lib/hunter/rule-fields";
import { listAlerts } from "@/lib/hunter/list-alerts";

const query = paginationQuery.extend({ status: z.enum(["open", "resolved", "dismissed"]).optional(), severity: z.enum(SEVERITIES).optional(), target: z.enum(TARGETS).optional() });

// The earlier API's bare array, newest first; the next page's cursor in X-Next-Cursor.
export const GET = route({ query }, async ({ user, query }) => {
  const { items, next_cursor } = await listAlerts({ user, status: query.status, severity: query.severity, target: query.target, limit: query.limit, cursor: query.cursor });
  return bareList(items, next_cursor);
});
