import { route } from "@/lib/api/route";
import { paginationQuery } from "@/lib/api/pagination";
import { listRuns } from "@/lib/sandbox/runs/list-runs";
import { serializeRun } from "@/lib/sandbox/runs/serialize";

// The user's run history, newest first.
export const GET = route({ query: paginationQuery }, async ({ user, query }) => {
  const { items, next_cursor } = await listRuns({ userId: user.id, limit: query.limit, cursor: query.cursor });
  return { items: items.map(serializeRun), next_cursor };
});
