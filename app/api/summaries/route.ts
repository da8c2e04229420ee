import { z } from "zod";
import { route } from "@/lib/api/route";
import { bareList } from "@/lib/api/bare-list";
import { paginationQuery } from "@/lib/api/pagination";
import { listSummaries } from "@/lib/summaries/list-summaries";

// The earlier API's default page was 10.
const query = paginationQuery.extend({ limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(10) });

// Newest first: your daily summaries (an admin: also the overall ones); the next page's cursor in X-Next-Cursor.
export const GET = route({ query }, async ({ user, query }) => {
  const { items, next_cursor } = await listSummaries({ user, limit: query.limit, cursor: query.cursor });
  return bareList(items, next_cursor);
});
