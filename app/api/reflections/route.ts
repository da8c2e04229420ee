import { route } from "@/lib/api/route";
import { bareList } from "@/lib/api/bare-list";
import { paginationQuery } from "@/lib/api/pagination";
import { listReflections } from "@/lib/loops/list-reflections";

// Newest first: reflections on your messages (an admin: everyone's, and the overall ones).
export const GET = route({ query: paginationQuery }, async ({ user, query }) => {
  const { items, next_cursor } = await listReflections({ user, limit: query.limit, cursor: query.cursor });
  return bareList(items, next_cursor);
});
