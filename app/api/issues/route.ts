import { route } from "@/lib/api/route";
import { bareList } from "@/lib/api/bare-list";
import { listIssues } from "@/lib/code/issues/list-issues";
import { listIssuesQuery } from "@/lib/code/issues/schemas";

// The caller's own code issues, newest first (a bare array, as before; next cursor in X-Next-Cursor).
export const GET = route({ query: listIssuesQuery }, async ({ user, query }) => {
  const { items, next_cursor } = await listIssues({ user, status: query.status, limit: query.limit, cursor: query.cursor });
  return bareList(items, next_cursor);
});
